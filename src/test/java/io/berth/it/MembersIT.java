package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v2.0/projects/{project}/members}: fields as Harbor's {@code ProjectMemberEntity}, every role
 * against every operation, member ids checked against the project in the path (the CVE-2022-31666 class), and
 * nobody changing their own membership.
 */
class MembersIT {

    static final Set<String> MEMBER_ENTITY = Set.of("id", "project_id", "entity_name", "role_name", "role_id",
            "entity_id", "entity_type");

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final ApiClient anonymous = ApiClient.anonymous(server);

    @Test
    void membersReadBackWithHarborsFields() {
        ApiClient.TestUser owner = admin.newUser("mowner");
        ApiClient.TestUser dev = admin.newUser("mdev");
        ApiClient.TestUser guest = admin.newUser("mguest");
        String project = RegistryClient.uniqueName("members");
        long projectId = owner.client().createProject(project, false);

        ApiClient.Response created = owner.client().post("/api/v2.0/projects/" + project + "/members",
                "{\"role_id\":2,\"member_user\":{\"user_id\":" + dev.id() + "}}").expect(201);
        assertEquals("/api/v2.0/projects/" + project + "/members/" + created.locationId(), created.location().getPath());
        owner.client().post("/api/v2.0/projects/" + projectId + "/members",
                "{\"role_id\":3,\"member_user\":{\"username\":\"" + guest.username() + "\"}}").expect(201);

        JsonObject member = owner.client().get("/api/v2.0/projects/" + project + "/members/" + created.locationId()).expect(200).json();
        assertEquals(MEMBER_ENTITY, member.keySet());
        assertEquals(created.locationId(), member.getJsonNumber("id").longValue());
        assertEquals(projectId, member.getJsonNumber("project_id").longValue());
        assertEquals(dev.username(), member.getString("entity_name"));
        assertEquals("developer", member.getString("role_name"));
        assertEquals(2, member.getInt("role_id"));
        assertEquals(dev.id(), member.getJsonNumber("entity_id").longValue());
        assertEquals("u", member.getString("entity_type"));

        ApiClient.Response list = owner.client().get("/api/v2.0/projects/" + project + "/members").expect(200);
        assertEquals("3", list.header("X-Total-Count"));
        assertEquals(Set.of(owner.username(), dev.username(), guest.username()), names(list.array()));
        Map<String, String> roles = list.array().getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(m -> m.getString("entity_name"), m -> m.getString("role_name")));
        assertEquals(Map.of(owner.username(), "projectAdmin", dev.username(), "developer", guest.username(), "guest"), roles);

        ApiClient.Response page = owner.client().get("/api/v2.0/projects/" + project + "/members?page=1&page_size=2").expect(200);
        assertEquals(2, page.array().size());
        assertTrue(page.header("Link").contains("rel=\"next\""));
        assertEquals(Set.of(guest.username()),
                names(owner.client().get("/api/v2.0/projects/" + project + "/members?entityname=" + guest.username()).expect(200).array()));
        assertEquals(0, owner.client().get("/api/v2.0/projects/" + project + "/members?entityname=%25").expect(200).array().size());
        admin.delete("/api/v2.0/projects/" + project).expect(200);
    }

    @Test
    void invalidMembersAreRejected() {
        ApiClient.TestUser owner = admin.newUser("minvalid");
        ApiClient.TestUser user = admin.newUser("minvalid");
        String project = RegistryClient.uniqueName("minvalid");
        owner.client().createProject(project, false);
        String path = "/api/v2.0/projects/" + project + "/members";
        for (String body : new String[] {"{}", "{\"role_id\":0,\"member_user\":{\"user_id\":" + user.id() + "}}",
                "{\"role_id\":6,\"member_user\":{\"user_id\":" + user.id() + "}}",
                "{\"member_user\":{\"user_id\":" + user.id() + "}}",
                "{\"role_id\":2}",
                "{\"role_id\":2,\"member_user\":{}}",
                "{\"role_id\":2,\"member_user\":{\"user_id\":" + user.id() + "},\"member_group\":{\"group_name\":\"g\",\"group_type\":2}}",
                "{\"role_id\":2,\"member_group\":{\"group_name\":\"g\",\"group_type\":9}}"}) {
            assertEquals("BAD_REQUEST", owner.client().post(path, body).expect(400).errorCode(), body);
        }
        owner.client().post(path, "{\"role_id\":2,\"member_user\":{\"user_id\":99999999}}").expect(404);
        owner.client().post(path, "{\"role_id\":2,\"member_user\":{\"username\":\"" + RegistryClient.uniqueName("nobody") + "\"}}").expect(404);
        owner.client().post(path, "{\"role_id\":2,\"member_group\":{\"ldap_group_dn\":\"cn=nobody,dc=example,dc=com\"}}").expect(404);
        owner.client().post(path, "{\"role_id\":2,\"member_group\":{\"id\":99999999}}").expect(404);
        owner.client().addMember(project, user.id(), ApiClient.DEVELOPER);
        assertEquals("CONFLICT", owner.client().post(path, "{\"role_id\":3,\"member_user\":{\"user_id\":" + user.id() + "}}")
                .expect(409).errorCode());
        long mid = owner.client().get(path + "?entityname=" + user.username()).array().getJsonObject(0).getJsonNumber("id").longValue();
        owner.client().put(path + "/" + mid, "{\"role_id\":7}").expect(400);
        owner.client().put(path + "/" + mid, "{}").expect(400);
        admin.delete("/api/v2.0/projects/" + project).expect(200);
    }

    @Test
    void groupsBecomeMembersByNameOrId() {
        ApiClient.TestUser owner = admin.newUser("mgroups");
        String project = RegistryClient.uniqueName("mgroups");
        owner.client().createProject(project, false);
        String path = "/api/v2.0/projects/" + project + "/members";
        String groupName = RegistryClient.uniqueName("oidc-team");
        long byName = owner.client().post(path, "{\"role_id\":4,\"member_group\":{\"group_name\":\"" + groupName
                + "\",\"group_type\":3}}").expect(201).locationId();
        JsonObject member = owner.client().get(path + "/" + byName).expect(200).json();
        assertEquals("g", member.getString("entity_type"));
        assertEquals(groupName, member.getString("entity_name"));
        assertEquals("maintainer", member.getString("role_name"));

        long groupId = admin.post("/api/v2.0/usergroups", "{\"group_name\":\"" + RegistryClient.uniqueName("http-team")
                + "\",\"group_type\":2}").expect(201).locationId();
        owner.client().post(path, "{\"role_id\":5,\"member_group\":{\"id\":" + groupId + "}}").expect(201);
        String dn = "cn=" + RegistryClient.uniqueName("ldap-team") + ",ou=groups,dc=example,dc=com";
        admin.post("/api/v2.0/usergroups", "{\"group_type\":1,\"ldap_group_dn\":\"" + dn + "\"}").expect(201);
        owner.client().post(path, "{\"role_id\":3,\"member_group\":{\"ldap_group_dn\":\"" + dn + "\"}}").expect(201);
        assertEquals("4", owner.client().get(path).header("X-Total-Count"));
        admin.delete("/api/v2.0/projects/" + project).expect(200);
    }

    /** PA, M, D, G, LG, a non-member, anonymous and the administrator against every member operation. */
    @Test
    void onlyProjectAdminsManageMembersAndGuestsAndUpReadThem() {
        ApiClient.TestUser owner = admin.newUser("mroles-pa");
        String project = RegistryClient.uniqueName("mroles");
        owner.client().createProject(project, false);
        String path = "/api/v2.0/projects/" + project + "/members";
        Map<String, ApiClient> callers = new LinkedHashMap<>();
        callers.put("PA", owner.client());
        Map<String, Integer> roles = Map.of("M", ApiClient.MAINTAINER, "D", ApiClient.DEVELOPER, "G", ApiClient.GUEST,
                "LG", ApiClient.LIMITED_GUEST);
        for (var role : roles.entrySet()) {
            ApiClient.TestUser user = admin.newUser("mroles-" + role.getKey().toLowerCase());
            owner.client().addMember(project, user.id(), role.getValue());
            callers.put(role.getKey(), user.client());
        }
        callers.put("none", admin.newUser("mroles-none").client());
        callers.put("anonymous", anonymous);
        callers.put("admin", admin);
        Map<String, Integer> read = Map.of("PA", 200, "M", 200, "D", 200, "G", 200, "LG", 403, "none", 404,
                "anonymous", 404, "admin", 200);
        Map<String, Integer> change = Map.of("PA", 201, "M", 403, "D", 403, "G", 403, "LG", 403, "none", 404,
                "anonymous", 404, "admin", 201);

        ApiClient.TestUser target = admin.newUser("mroles-target");
        long someone = owner.client().addMember(project, target.id(), ApiClient.GUEST);
        callers.forEach((role, client) -> {
            assertEquals(read.get(role), client.get(path).status(), role + " list");
            assertEquals(read.get(role), client.get(path + "/" + someone).status(), role + " get");
            ApiClient.TestUser extra = admin.newUser("mroles-extra");
            ApiClient.Response add = client.post(path, "{\"role_id\":3,\"member_user\":{\"user_id\":" + extra.id() + "}}");
            assertEquals(change.get(role), add.status(), role + " add: " + add.body());
            int updated = change.get(role) == 201 ? 200 : change.get(role);
            assertEquals(updated, client.put(path + "/" + someone, "{\"role_id\":2}").status(), role + " update");
            if (add.status() == 201) {
                assertEquals(200, client.delete(path + "/" + add.locationId()).status(), role + " delete");
            } else {
                assertEquals(updated, client.delete(path + "/" + someone).status(), role + " delete");
            }
        });
        admin.delete("/api/v2.0/projects/" + project).expect(200);
    }

    @Test
    void aMemberIdOfAnotherProjectIsNotFound() {
        ApiClient.TestUser alice = admin.newUser("idor-a");
        ApiClient.TestUser mallory = admin.newUser("idor-m");
        ApiClient.TestUser bob = admin.newUser("idor-b");
        String victim = RegistryClient.uniqueName("victim");
        String attacker = RegistryClient.uniqueName("attacker");
        alice.client().createProject(victim, false);
        mallory.client().createProject(attacker, false);
        long victimMember = alice.client().addMember(victim, bob.id(), ApiClient.GUEST);
        String foreign = "/api/v2.0/projects/" + attacker + "/members/" + victimMember;

        ApiClient.Response get = mallory.client().get(foreign).expect(404);
        mallory.client().put(foreign, "{\"role_id\":1}").expect(404);
        mallory.client().delete(foreign).expect(404);
        admin.get(foreign).expect(404);
        assertEquals(get.body().replace(Long.toString(victimMember), "N"),
                mallory.client().get("/api/v2.0/projects/" + attacker + "/members/99999999").body().replace("99999999", "N"),
                "a foreign member id reads like a missing one");
        JsonObject untouched = alice.client().get("/api/v2.0/projects/" + victim + "/members/" + victimMember).expect(200).json();
        assertEquals(3, untouched.getInt("role_id"));
        mallory.client().get("/api/v2.0/projects/" + victim + "/members/" + victimMember).expect(404);
        admin.delete("/api/v2.0/projects/" + victim).expect(200);
        admin.delete("/api/v2.0/projects/" + attacker).expect(200);
    }

    @Test
    void nobodyChangesTheirOwnMembership() {
        ApiClient.TestUser owner = admin.newUser("self-pa");
        ApiClient.TestUser second = admin.newUser("self-pa2");
        String project = RegistryClient.uniqueName("self");
        owner.client().createProject(project, false);
        String path = "/api/v2.0/projects/" + project + "/members";
        long own = owner.client().get(path).array().getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals("FORBIDDEN", owner.client().put(path + "/" + own, "{\"role_id\":2}").expect(403).errorCode());
        owner.client().delete(path + "/" + own).expect(403);

        long other = owner.client().addMember(project, second.id(), ApiClient.PROJECT_ADMIN);
        second.client().put(path + "/" + other, "{\"role_id\":1}").expect(403);
        second.client().put(path + "/" + own, "{\"role_id\":3}").expect(200);
        owner.client().get(path).expect(200);
        owner.client().put(path + "/" + other, "{\"role_id\":2}").expect(403);
        admin.put(path + "/" + own, "{\"role_id\":1}").expect(200);
        owner.client().put(path + "/" + other, "{\"role_id\":2}").expect(200);
        second.client().post(path, "{\"role_id\":1,\"member_user\":{\"user_id\":" + second.id() + "}}").expect(403);
        admin.delete("/api/v2.0/projects/" + project).expect(200);
    }

    private static Set<String> names(JsonArray members) {
        return members.getValuesAs(JsonObject.class).stream().map(m -> m.getString("entity_name")).collect(Collectors.toSet());
    }
}
