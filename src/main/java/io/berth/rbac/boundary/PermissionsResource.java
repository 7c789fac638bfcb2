package io.berth.rbac.boundary;

import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v2.0/permissions}: 200; 401 anonymous; 403 for callers who administer nothing. */
@Tag(name = "permissions")
@Path("permissions")
@Produces(MediaType.APPLICATION_JSON)
public class PermissionsResource {

    @Inject
    Permissions permissions;

    @Inject
    CallerContext caller;

    @Operation(operationId = "getPermissions", summary = "Get system or project level permissions info")
    @GET
    public PermissionsView get() {
        return permissions.catalogue(caller.get());
    }
}
