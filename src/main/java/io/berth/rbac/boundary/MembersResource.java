package io.berth.rbac.boundary;

import io.berth.platform.api.ApiDocs;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
 * {@code /api/v2.0/projects/{project_name_or_id}/members}: Harbor's member operations. A project the caller
 * cannot see, and a member of another project, are 404; see {@link Members} for who may do what.
 */
@Tag(name = "member")
@Path("projects/{project_name_or_id}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembersResource {

    static final String IS_RESOURCE_NAME = "X-Is-Resource-Name";

    @Inject
    Members members;

    @Inject
    CallerContext caller;

    @PathParam("project_name_or_id")
    String project;

    @HeaderParam(IS_RESOURCE_NAME)
    boolean isName;

    /** 200 with paging headers; {@code entityname} filters by user or group name (contains). */
    @Operation(operationId = "listProjectMembers", summary = "List project members")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response list(@QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize,
            @QueryParam("entityname") String entityName, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<MemberView> found = members.list(caller.get(), project, isName, entityName, request);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    /** 201 with {@code Location: /api/v2.0/projects/<project>/members/<id>}; 400; 401/403; 404; 409. */
    @Operation(operationId = "createProjectMember", summary = "Create a project member")
    @APIResponse(responseCode = "201", description = "Created; Location names the new member")
    @POST
    public Response create(MemberRequest request) {
        long id = members.create(caller.get(), project, isName, request);
        return Response.created(URI.create("/api/v2.0/projects/" + encode(project) + "/members/" + id)).build();
    }

    @Operation(operationId = "getProjectMember", summary = "Get a project member")
    @GET
    @Path("{mid}")
    public MemberView get(@PathParam("mid") long memberId) {
        return members.get(caller.get(), project, isName, memberId);
    }

    @Operation(operationId = "updateProjectMember", summary = "Update a project member's role")
    @PUT
    @Path("{mid}")
    public Response update(@PathParam("mid") long memberId, RoleRequest request) {
        members.updateRole(caller.get(), project, isName, memberId, request);
        return Response.ok().build();
    }

    @Operation(operationId = "deleteProjectMember", summary = "Delete a project member")
    @DELETE
    @Path("{mid}")
    public Response delete(@PathParam("mid") long memberId) {
        members.delete(caller.get(), project, isName, memberId);
        return Response.ok().build();
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
