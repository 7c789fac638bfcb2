package io.berth.auth.boundary.ldap;

import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v2.0/ldap}: Harbor's LDAP administration endpoints, for system administrators (401/403 otherwise,
 * decided by {@link DirectoryAdmin}).
 */
@Tag(name = "Ldap")
@Path("ldap")
@Produces(MediaType.APPLICATION_JSON)
public class LdapResource {

    @Inject
    CallerContext caller;

    @Inject
    DirectoryAdmin admin;

    /**
     * 200 with {@code {"success":..,"message":..}}; the body (Harbor's {@code LdapConf}) is optional and overrides the
     * saved settings for this test only. 400 for an invalid or non-LDAP setting.
     */
    @Operation(operationId = "pingLdap", summary = "Ping the LDAP service")
    @POST
    @Path("ping")
    public LdapPingResult ping(String body) {
        return admin.ping(caller.get(), body);
    }

    /** 200 with Harbor's {@code LdapUser}s whose uid is {@code username} (all, up to a limit, without it). */
    @Operation(operationId = "searchLdapUser", summary = "Search LDAP users")
    @GET
    @Path("users/search")
    public List<LdapUserView> searchUsers(@QueryParam("username") String username) {
        return admin.searchUsers(caller.get(), username);
    }

    /** 200 when every uid of {@code {"ldap_uid_list":[...]}} was imported; else 404 with the failures, as Harbor. */
    @Operation(operationId = "importLdapUser", summary = "Import LDAP users")
    @POST
    @Path("users/import")
    public Response importUsers(String body) {
        List<LdapFailedImportUser> failed = admin.importUsers(caller.get(), body);
        return failed.isEmpty() ? Response.ok().build() : Response.status(404).entity(failed).build();
    }

    /** 200 with Harbor's {@code UserGroup}s for {@code groupname} or {@code groupdn}; 400 without either. */
    @Operation(operationId = "searchLdapGroup", summary = "Search LDAP groups")
    @GET
    @Path("groups/search")
    public List<LdapGroupView> searchGroups(@QueryParam("groupname") String name, @QueryParam("groupdn") String dn) {
        return admin.searchGroups(caller.get(), name, dn);
    }
}
