package io.berth.registry.boundary.api;

import io.berth.platform.api.ApiDocs;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v2.0/labels}: Harbor's global ({@code scope=g}) and project ({@code scope=p}) labels; see {@link Labels}. */
@Tag(name = "label")
@Path("labels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LabelsResource {

    @Inject
    Labels labels;

    @Inject
    CallerContext caller;

    /** 200 with paging headers; 400 bad scope, missing {@code project_id} for {@code scope=p}; 401. */
    @Operation(operationId = "ListLabels", summary = "List labels")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = ApiDocs.QUERY)
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = ApiDocs.SORT)
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("page") Integer page,
            @QueryParam("page_size") Integer pageSize, @QueryParam("name") String name, @QueryParam("scope") String scope,
            @QueryParam("project_id") Long projectId, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<LabelView> found = labels.list(caller.get(), request, q, sort, name, scope, projectId);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    /** 201 with {@code Location}; 400; 401/403; 409 name taken in the scope. */
    @Operation(operationId = "CreateLabel", summary = "Create a label")
    @APIResponse(responseCode = "201", description = "Created; Location names the new label")
    @POST
    public Response create(LabelRequest request) {
        long id = labels.create(caller.get(), request);
        return Response.created(URI.create("/api/v2.0/labels/" + id)).build();
    }

    @Operation(operationId = "GetLabelByID", summary = "Get a label")
    @GET
    @Path("{label_id}")
    public LabelView get(@PathParam("label_id") long id) {
        return labels.get(caller.get(), id);
    }

    @Operation(operationId = "UpdateLabel", summary = "Update a label")
    @PUT
    @Path("{label_id}")
    public Response update(@PathParam("label_id") long id, LabelRequest request) {
        labels.update(caller.get(), id, request);
        return Response.ok().build();
    }

    @Operation(operationId = "DeleteLabel", summary = "Delete a label")
    @DELETE
    @Path("{label_id}")
    public Response delete(@PathParam("label_id") long id) {
        labels.delete(caller.get(), id);
        return Response.ok().build();
    }
}
