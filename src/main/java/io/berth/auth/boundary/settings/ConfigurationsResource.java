package io.berth.auth.boundary.settings;

import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v2.0/configurations}: Harbor's system settings, for system administrators (checked by {@link Configurations}). */
@Tag(name = "configure")
@Path("configurations")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigurationsResource {

    @Inject
    CallerContext caller;

    @Inject
    Configurations configurations;

    /** 200 with Harbor's {@code ConfigurationsResponse}, secrets left out; 401 anonymous; 403 not an administrator. */
    @Operation(operationId = "getConfigurations", summary = "Get system configurations")
    @GET
    public Response get() {
        return Response.ok(configurations.view(caller.get()).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * 200 once every given key is stored; 400 for an unknown key, a wrong type or value, or an {@code auth_mode}
     * change while users exist (and then nothing is stored); 401; 403.
     */
    @Operation(operationId = "updateConfigurations", summary = "Modify system configurations")
    @PUT
    public Response update(String body) {
        configurations.update(caller.get(), body);
        return Response.ok().build();
    }
}
