package io.berth.auth.boundary.ldap;

import io.berth.platform.api.ApiException;
import io.berth.platform.api.JsonBodies;
import io.berth.rbac.control.SystemAccess;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v2.0/ldap}: Harbor's LDAP administration endpoints, for system administrators (401/403 otherwise). */
@Tag(name = "Ldap")
@Path("ldap")
@Produces(MediaType.APPLICATION_JSON)
public class LdapResource {

    @Inject
    SystemAccess access;

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
        access.require(Resource.CONFIGURATION, Action.UPDATE);
        return admin.ping(body == null || body.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : JsonBodies.object(body));
    }

    /** 200 with Harbor's {@code LdapUser}s whose uid is {@code username} (all, up to a limit, without it). */
    @Operation(operationId = "searchLdapUser", summary = "Search LDAP users")
    @GET
    @Path("users/search")
    public List<LdapUserView> searchUsers(@QueryParam("username") String username) {
        access.require(Resource.LDAP_USER, Action.LIST);
        return admin.searchUsers(username);
    }

    /** 200 when every uid of {@code {"ldap_uid_list":[...]}} was imported; else 404 with the failures, as Harbor. */
    @Operation(operationId = "importLdapUser", summary = "Import LDAP users")
    @POST
    @Path("users/import")
    public Response importUsers(String body) {
        access.require(Resource.LDAP_USER, Action.CREATE);
        List<LdapFailedImportUser> failed = admin.importUsers(uids(JsonBodies.object(body)));
        return failed.isEmpty() ? Response.ok().build() : Response.status(404).entity(failed).build();
    }

    /** 200 with Harbor's {@code UserGroup}s for {@code groupname} or {@code groupdn}; 400 without either. */
    @Operation(operationId = "searchLdapGroup", summary = "Search LDAP groups")
    @GET
    @Path("groups/search")
    public List<LdapGroupView> searchGroups(@QueryParam("groupname") String name, @QueryParam("groupdn") String dn) {
        access.require(Resource.LDAP_USER, Action.LIST);
        return admin.searchGroups(name, dn);
    }

    private static List<String> uids(JsonObject body) {
        JsonValue list = body.get("ldap_uid_list");
        if (!(list instanceof JsonArray array)) {
            throw ApiException.badRequest("ldap_uid_list must be an array of uids");
        }
        List<String> uids = new ArrayList<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s)) {
                throw ApiException.badRequest("ldap_uid_list must be an array of uids");
            }
            uids.add(s.getString());
        }
        return uids;
    }
}
