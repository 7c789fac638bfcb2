package io.berth.rbac.boundary;

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

/** {@code /api/v2.0/usergroups}: Harbor's user-group operations; administrators only, except the search. */
@Tag(name = "usergroup")
@Path("usergroups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserGroupsResource {

    @Inject
    UserGroups groups;

    @Inject
    CallerContext caller;

    @Operation(operationId = "listUserGroups", summary = "List user groups")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response list(@QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize,
            @QueryParam("group_name") String groupName, @QueryParam("ldap_group_dn") String ldapGroupDn, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<UserGroupView> found = groups.list(caller.get(), request, groupName, ldapGroupDn);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    /** 201 with {@code Location: /api/v2.0/usergroups/<id>}; 400; 401/403; 409. */
    @Operation(operationId = "createUserGroup", summary = "Create a user group")
    @APIResponse(responseCode = "201", description = "Created; Location names the new user group")
    @POST
    public Response create(UserGroupView request) {
        UserGroupView created = groups.create(caller.get(), request);
        return Response.created(URI.create("/api/v2.0/usergroups/" + created.id())).build();
    }

    @Operation(operationId = "searchUserGroups", summary = "Search user groups by name")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    @Path("search")
    public Response search(@QueryParam("groupname") String groupName, @QueryParam("page") Integer page,
            @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<UserGroupSearchItem> found = groups.search(caller.get(), groupName, request);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    @Operation(operationId = "getUserGroup", summary = "Get a user group")
    @GET
    @Path("{group_id}")
    public UserGroupView get(@PathParam("group_id") long id) {
        return groups.get(caller.get(), id);
    }

    @Operation(operationId = "updateUserGroup", summary = "Update a user group")
    @PUT
    @Path("{group_id}")
    public Response update(@PathParam("group_id") long id, UserGroupView request) {
        groups.update(caller.get(), id, request);
        return Response.ok().build();
    }

    @Operation(operationId = "deleteUserGroup", summary = "Delete a user group")
    @DELETE
    @Path("{group_id}")
    public Response delete(@PathParam("group_id") long id) {
        groups.delete(caller.get(), id);
        return Response.ok().build();
    }
}
