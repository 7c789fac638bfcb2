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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v2.0/users}: Harbor's user operations. 401 means "sign in", 403 "not yours to see or change";
 * who may do what is in {@link Users}.
 */
@Tag(name = "user")
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Users users;

    @Inject
    CallerContext caller;

    /** 200 with {@code X-Total-Count} and {@code Link}; administrators only. */
    @Operation(operationId = "listUsers", summary = "List users")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = ApiDocs.QUERY)
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = ApiDocs.SORT)
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response list(@QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize,
            @QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("username") String username,
            @QueryParam("email") String email, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<UserView> found = users.list(caller.get(), request, q, sort, username, email);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    /** 201 with {@code Location: /api/v2.0/users/<id>}; 400; 401/403; 409 name or e-mail taken. */
    @Operation(operationId = "createUser", summary = "Create a local user")
    @APIResponse(responseCode = "201", description = "Created; Location names the new user")
    @POST
    public Response create(UserCreationRequest request) {
        UserView created = users.create(caller.get(), request);
        return Response.created(URI.create("/api/v2.0/users/" + created.userId())).build();
    }

    @Operation(operationId = "getCurrentUserInfo", summary = "Get the current user")
    @GET
    @Path("current")
    public UserView current() {
        return users.current(caller.get());
    }

    /** Fuzzy search by name for anyone signed in; ids and names only. */
    @Operation(operationId = "searchUsers", summary = "Search users by username")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    @Path("search")
    public Response search(@QueryParam("username") String username, @QueryParam("page") Integer page,
            @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<UserSearchItem> found = users.search(caller.get(), username, request);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    @Operation(operationId = "getCurrentUserPermissions", summary = "Get the current user's permissions")
    @GET
    @Path("current/permissions")
    public List<PermissionView> currentPermissions(@QueryParam("scope") String scope, @QueryParam("relative") boolean relative) {
        return users.currentPermissions(caller.get(), scope, relative);
    }

    @Operation(operationId = "getUser", summary = "Get a user's profile")
    @GET
    @Path("{user_id}")
    public UserView get(@PathParam("user_id") long id) {
        return users.get(caller.get(), id);
    }

    /** 200; only {@code email}, {@code realname} and {@code comment} change. */
    @Operation(operationId = "updateUserProfile", summary = "Update a user's profile")
    @PUT
    @Path("{user_id}")
    public Response update(@PathParam("user_id") long id, UserProfileRequest request) {
        users.updateProfile(caller.get(), id, request);
        return Response.ok().build();
    }

    /** 200; 403 for oneself and for {@code admin}. */
    @Operation(operationId = "deleteUser", summary = "Delete a user")
    @DELETE
    @Path("{user_id}")
    public Response delete(@PathParam("user_id") long id) {
        users.delete(caller.get(), id);
        return Response.ok().build();
    }

    /** 200; 400 policy; 403 wrong current password or not allowed. */
    @Operation(operationId = "updateUserPassword", summary = "Change a user's password")
    @PUT
    @Path("{user_id}/password")
    public Response password(@PathParam("user_id") long id, PasswordRequest request) {
        users.changePassword(caller.get(), id, request);
        return Response.ok().build();
    }

    @Operation(operationId = "setUserSysAdmin", summary = "Grant or revoke system administrator")
    @PUT
    @Path("{user_id}/sysadmin")
    public Response sysadmin(@PathParam("user_id") long id, SysadminFlagRequest request) {
        users.setSysadmin(caller.get(), id, request);
        return Response.ok().build();
    }
}
