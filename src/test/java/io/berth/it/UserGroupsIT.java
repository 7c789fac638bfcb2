package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code /api/v2.0/usergroups}: Harbor's {@code UserGroup} fields, administrators only except the search. */
class UserGroupsIT {

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final ApiClient anonymous = ApiClient.anonymous(server);

    @Test
    void administratorsManageGroups() {
        String name = RegistryClient.uniqueName("team");
        ApiClient.Response created = admin.post("/api/v2.0/usergroups", "{\"group_name\":\"" + name + "\",\"group_type\":2}")
                .expect(201);
        assertEquals("/api/v2.0/usergroups/" + created.locationId(), created.location().getPath());
        JsonObject group = admin.get("/api/v2.0/usergroups/" + created.locationId()).expect(200).json();
        assertEquals(Set.of("id", "group_name", "group_type"), group.keySet(), "no ldap_group_dn for an HTTP group");
        assertEquals(name, group.getString("group_name"));
        assertEquals(2, group.getInt("group_type"));

        admin.post("/api/v2.0/usergroups", "{\"group_name\":\"" + name + "\",\"group_type\":2}").expect(409);
        admin.post("/api/v2.0/usergroups", "{\"group_name\":\"" + name + "\",\"group_type\":3}").expect(201);
        admin.post("/api/v2.0/usergroups", "{\"group_name\":\"x\"}").expect(400);
        admin.post("/api/v2.0/usergroups", "{\"group_name\":\"x\",\"group_type\":1}").expect(400);
        admin.post("/api/v2.0/usergroups", "{\"group_type\":2}").expect(400);

        String dn = "cn=" + RegistryClient.uniqueName("ldapteam") + ",ou=groups,dc=example,dc=com";
        long ldap = admin.post("/api/v2.0/usergroups", "{\"group_type\":1,\"ldap_group_dn\":\"" + dn + "\"}").expect(201).locationId();
        JsonObject ldapGroup = admin.get("/api/v2.0/usergroups/" + ldap).expect(200).json();
        assertEquals(dn, ldapGroup.getString("ldap_group_dn"));
        assertEquals(dn.substring(3, dn.indexOf(',')), ldapGroup.getString("group_name"), "the name defaults to the first RDN");
        admin.post("/api/v2.0/usergroups", "{\"group_type\":1,\"group_name\":\"other\",\"ldap_group_dn\":\"" + dn + "\"}").expect(409);

        ApiClient.Response list = admin.get("/api/v2.0/usergroups?group_name=" + name).expect(200);
        assertEquals("2", list.header("X-Total-Count"));
        assertEquals(1, admin.get("/api/v2.0/usergroups?ldap_group_dn=" + java.net.URLEncoder.encode(dn, java.nio.charset.StandardCharsets.UTF_8))
                .expect(200).array().size());
        ApiClient.Response page = admin.get("/api/v2.0/usergroups?group_name=" + name + "&page_size=1").expect(200);
        assertTrue(page.header("Link").contains("rel=\"next\""));

        String renamed = RegistryClient.uniqueName("renamed");
        admin.put("/api/v2.0/usergroups/" + created.locationId(), "{\"group_name\":\"" + renamed + "\",\"group_type\":1}").expect(200);
        JsonObject after = admin.get("/api/v2.0/usergroups/" + created.locationId()).json();
        assertEquals(renamed, after.getString("group_name"));
        assertEquals(2, after.getInt("group_type"), "the type never changes");
        admin.put("/api/v2.0/usergroups/" + created.locationId(), "{}").expect(400);
        admin.get("/api/v2.0/usergroups/99999999").expect(404);
        admin.put("/api/v2.0/usergroups/99999999", "{\"group_name\":\"x\"}").expect(404);
        admin.delete("/api/v2.0/usergroups/99999999").expect(404);
    }

    @Test
    void onlyAdministratorsManageButEveryoneSignedInMaySearch() {
        ApiClient.TestUser user = admin.newUser("grouper");
        String name = RegistryClient.uniqueName("searchteam");
        long id = admin.post("/api/v2.0/usergroups", "{\"group_name\":\"" + name + "\",\"group_type\":2}").expect(201).locationId();
        for (ApiClient who : new ApiClient[] {anonymous, user.client()}) {
            int expected = who == anonymous ? 401 : 403;
            assertEquals(expected, who.get("/api/v2.0/usergroups").status());
            assertEquals(expected, who.post("/api/v2.0/usergroups", "{\"group_name\":\"x\",\"group_type\":2}").status());
            assertEquals(expected, who.get("/api/v2.0/usergroups/" + id).status());
            assertEquals(expected, who.put("/api/v2.0/usergroups/" + id, "{\"group_name\":\"x\"}").status());
            assertEquals(expected, who.delete("/api/v2.0/usergroups/" + id).status());
        }
        anonymous.get("/api/v2.0/usergroups/search?groupname=" + name).expect(401);
        user.client().get("/api/v2.0/usergroups/search").expect(400);
        ApiClient.Response found = user.client().get("/api/v2.0/usergroups/search?groupname=" + name).expect(200);
        assertEquals("1", found.header("X-Total-Count"));
        assertEquals(Set.of("id", "group_name", "group_type"), found.array().getJsonObject(0).keySet());
    }

    @Test
    void deletingAGroupRemovesItsMemberships() {
        ApiClient.TestUser owner = admin.newUser("gdel");
        String project = RegistryClient.uniqueName("gdel");
        owner.client().createProject(project, false);
        long id = admin.post("/api/v2.0/usergroups", "{\"group_name\":\"" + RegistryClient.uniqueName("gone")
                + "\",\"group_type\":2}").expect(201).locationId();
        owner.client().post("/api/v2.0/projects/" + project + "/members", "{\"role_id\":2,\"member_group\":{\"id\":" + id + "}}")
                .expect(201);
        assertEquals("2", owner.client().get("/api/v2.0/projects/" + project + "/members").header("X-Total-Count"));
        admin.delete("/api/v2.0/usergroups/" + id).expect(200);
        admin.get("/api/v2.0/usergroups/" + id).expect(404);
        ApiClient.Response members = owner.client().get("/api/v2.0/projects/" + project + "/members").expect(200);
        assertEquals("1", members.header("X-Total-Count"));
        assertFalse(members.body().contains("\"g\""));
        admin.delete("/api/v2.0/projects/" + project).expect(200);
    }
}
