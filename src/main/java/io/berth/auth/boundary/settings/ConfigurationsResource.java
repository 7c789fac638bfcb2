package io.berth.auth.boundary.settings;

import io.berth.platform.api.JsonBodies;
import io.berth.rbac.control.SystemAccess;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v2.0/configurations}: Harbor's system settings, for system administrators. */
@Tag(name = "configure")
@Path("configurations")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigurationsResource {

    private static final Logger LOGGER = Logger.getLogger(ConfigurationsResource.class.getName());

    @Inject
    SystemAccess access;

    @Inject
    Configurations configurations;

    /** 200 with Harbor's {@code ConfigurationsResponse}, secrets left out; 401 anonymous; 403 not an administrator. */
    @Operation(operationId = "getConfigurations", summary = "Get system configurations")
    @GET
    public Response get() {
        access.require(Resource.CONFIGURATION, Action.READ);
        return Response.ok(configurations.view().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * 200 once every given key is stored; 400 for an unknown key, a wrong type or value, or an {@code auth_mode}
     * change while users exist (and then nothing is stored); 401; 403.
     */
    @Operation(operationId = "updateConfigurations", summary = "Modify system configurations")
    @PUT
    public Response update(String body) {
        Caller caller = access.require(Resource.CONFIGURATION, Action.UPDATE);
        var changed = configurations.update(JsonBodies.object(body));
        // Key names only: values may be secrets (Harbor leaked the LDAP password into its audit log, GHSA-prh4-vhfh-24mj).
        LOGGER.log(Level.INFO, "Configuration changed by {0}: {1}", new Object[] {caller.name(), changed.keySet()});
        return Response.ok().build();
    }
}
