package io.berth.rbac.boundary;

import io.berth.platform.api.ApiDocs;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
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

/**
 * {@code /api/v2.0/projects}: Harbor's project operations. {@code X-Is-Resource-Name: true} makes an all-digit
 * {@code project_name_or_id} a name. A project the caller cannot see is 404 like a missing one; see
 * {@link Projects} for who may do what.
 */
@Tag(name = "project")
@Path("projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    @Inject
    Projects projects;

    @Inject
    CallerContext caller;

    /** 201 with {@code Location: /api/v2.0/projects/<id>}; 400 bad name; 401/403 not allowed; 409 exists. */
    @Operation(operationId = "createProject", summary = "Create a new project")
    @APIResponse(responseCode = "201", description = "Created; Location names the new project")
    @APIResponse(responseCode = "409", description = "A project of that name exists")
    @POST
    public Response create(ProjectRequest request) {
        ProjectView created = projects.create(caller.get(), request == null ? new ProjectRequest(null, null, null, null) : request);
        return Response.created(URI.create("/api/v2.0/projects/" + created.projectId())).build();
    }

    /** 200 if a project of that name exists, else 404 (Harbor's name check before creating); 401 anonymous. */
    @Operation(operationId = "headProject", summary = "Check if a project of that name exists")
    @APIResponse(responseCode = "200", description = "The project exists")
    @APIResponse(responseCode = "404", description = "No project of that name")
    @HEAD
    public Response exists(@QueryParam("project_name") String name) {
        return projects.exists(caller.get(), name) ? Response.ok().build() : Response.status(404).build();
    }

    /** A page of the projects the caller may see, with {@code X-Total-Count} and {@code Link}. */
    @Operation(operationId = "listProjects", summary = "List projects")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = ApiDocs.QUERY)
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = ApiDocs.SORT)
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response list(@QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize,
            @QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("name") String name, @QueryParam("public") Boolean publicOnly, @QueryParam("owner") String owner,
            @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<ProjectView> found = projects.list(caller.get(), request, q, sort, name, publicOnly, owner);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    @Operation(operationId = "getProject", summary = "Get a project")
    @GET
    @Path("{project_name_or_id}")
    public ProjectView get(@PathParam("project_name_or_id") String nameOrId,
            @HeaderParam(MembersResource.IS_RESOURCE_NAME) boolean isName) {
        return projects.get(caller.get(), nameOrId, isName);
    }

    /** 200; 401/403 without {@code update}; 404 invisible or missing. */
    @Operation(operationId = "updateProject", summary = "Update the properties of a project")
    @PUT
    @Path("{project_name_or_id}")
    public Response update(@PathParam("project_name_or_id") String nameOrId,
            @HeaderParam(MembersResource.IS_RESOURCE_NAME) boolean isName, ProjectRequest request) {
        projects.update(caller.get(), nameOrId, isName, request == null ? new ProjectRequest(null, null, null, null) : request);
        return Response.ok().build();
    }

    /** 200; 401/403 without {@code delete}; 404; 412 while the project holds repositories. */
    @Operation(operationId = "deleteProject", summary = "Delete a project")
    @APIResponse(responseCode = "412", description = "The project still holds repositories")
    @DELETE
    @Path("{project_name_or_id}")
    public Response delete(@PathParam("project_name_or_id") String nameOrId,
            @HeaderParam(MembersResource.IS_RESOURCE_NAME) boolean isName) {
        projects.delete(caller.get(), nameOrId, isName);
        return Response.ok().build();
    }

    @Operation(operationId = "getProjectDeletable", summary = "Get the deletable status of the project")
    @GET
    @Path("{project_name_or_id}/_deletable")
    public Response deletable(@PathParam("project_name_or_id") String nameOrId,
            @HeaderParam(MembersResource.IS_RESOURCE_NAME) boolean isName) {
        return Response.ok(projects.deletable(caller.get(), nameOrId, isName)).build();
    }

    @Operation(operationId = "getProjectSummary", summary = "Get summary of the project")
    @GET
    @Path("{project_name_or_id}/summary")
    public ProjectSummary summary(@PathParam("project_name_or_id") String nameOrId,
            @HeaderParam(MembersResource.IS_RESOURCE_NAME) boolean isName) {
        return projects.summary(caller.get(), nameOrId, isName);
    }
}
