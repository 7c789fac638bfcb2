package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v2.0/projects} with authorisation: who may create, what each role may do to a project, what a list
 * shows to whom, and that a private project is 404 to those who may not see it, exactly like a missing one
 * (Harbor's CVE-2019-19030).
 */
class ProjectsApiIT {

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final ApiClient anonymous = ApiClient.anonymous(server);

    @Test
    void creatingNeedsASignedInUserWhoBecomesOwnerAndProjectAdmin() {
        String name = RegistryClient.uniqueName("create");
        assertEquals("UNAUTHORIZED", anonymous.post("/api/v2.0/projects", "{\"project_name\":\"" + name + "\"}")
                .expect(401).errorCode());
        ApiClient.TestUser owner = admin.newUser("owner");
        long id = owner.client().createProject(name, false);

        JsonObject project = owner.client().get("/api/v2.0/projects/" + id).expect(200).json();
        assertEquals(id, project.getJsonNumber("project_id").longValue());
        assertEquals(name, project.getString("name"));
        assertEquals(owner.id(), project.getJsonNumber("owner_id").longValue());
        assertEquals(owner.username(), project.getString("owner_name"));
        assertEquals(1, project.getInt("current_user_role_id"));
        assertEquals(List.of(1), project.getJsonArray("current_user_role_ids").getValuesAs(v -> ((jakarta.json.JsonNumber) v).intValue()));
        assertEquals(0, project.getInt("repo_count"));
        assertEquals("false", project.getJsonObject("metadata").getString("public"));
        assertTrue(project.keySet().containsAll(Set.of("project_id", "owner_id", "name", "creation_time", "update_time",
                "deleted", "owner_name", "togglable", "current_user_role_id", "current_user_role_ids", "repo_count", "metadata")),
                project.keySet().toString());

        JsonArray members = owner.client().get("/api/v2.0/projects/" + id + "/members").expect(200).array();
        assertEquals(1, members.size());
        assertEquals(owner.username(), members.getJsonObject(0).getString("entity_name"));
        assertEquals("projectAdmin", members.getJsonObject(0).getString("role_name"));

        JsonObject asAdmin = admin.get("/api/v2.0/projects/" + id).expect(200).json();
        assertFalse(asAdmin.containsKey("current_user_role_id"), "the administrator is no member: " + asAdmin);
        owner.client().delete("/api/v2.0/projects/" + id).expect(200);
    }

    @Test
    void adminOnlyCreationRestriction() {
        ApiClient.TestUser user = admin.newUser("restricted");
        admin.configure("{\"project_creation_restriction\":\"adminonly\"}");
        try {
            String name = RegistryClient.uniqueName("restricted");
            assertEquals("FORBIDDEN", user.client().post("/api/v2.0/projects", "{\"project_name\":\"" + name + "\"}")
                    .expect(403).errorCode());
            admin.createProject(name, false);
            admin.delete("/api/v2.0/projects/" + name).expect(200);
        } finally {
            admin.configure("{\"project_creation_restriction\":\"everyone\"}");
        }
        String name = RegistryClient.uniqueName("open");
        user.client().createProject(name, false);
        user.client().delete("/api/v2.0/projects/" + name).expect(200);
    }

    @Test
    void listsShowPublicProjectsAndMembershipsOnly() {
        ApiClient.TestUser alice = admin.newUser("lista");
        ApiClient.TestUser bob = admin.newUser("listb");
        String shared = RegistryClient.uniqueName("pub");
        String alicePrivate = RegistryClient.uniqueName("apriv");
        String bobPrivate = RegistryClient.uniqueName("bpriv");
        alice.client().createProject(shared, true);
        alice.client().createProject(alicePrivate, false);
        bob.client().createProject(bobPrivate, false);

        Set<String> anonymousSees = names(anonymous, null);
        assertTrue(anonymousSees.contains(shared));
        assertTrue(anonymousSees.contains("library"));
        assertFalse(anonymousSees.contains(alicePrivate));
        assertFalse(anonymousSees.contains(bobPrivate));

        Set<String> aliceSees = names(alice.client(), null);
        assertTrue(aliceSees.containsAll(Set.of(shared, alicePrivate)));
        assertFalse(aliceSees.contains(bobPrivate));
        assertTrue(names(admin, null).containsAll(Set.of(shared, alicePrivate, bobPrivate)));

        assertEquals("0", anonymous.get("/api/v2.0/projects?name=" + bobPrivate).expect(200).header("X-Total-Count"),
                "the count does not give private projects away either");
        assertEquals("1", bob.client().get("/api/v2.0/projects?name=" + bobPrivate).expect(200).header("X-Total-Count"));
        assertTrue(names(alice.client(), "owner=" + alice.username()).containsAll(Set.of(shared, alicePrivate)));
        assertFalse(names(alice.client(), "public=true").contains(alicePrivate));

        bob.client().addMember(bobPrivate, alice.id(), ApiClient.LIMITED_GUEST);
        JsonObject seen = alice.client().get("/api/v2.0/projects?name=" + bobPrivate).expect(200).array().getJsonObject(0);
        assertEquals(5, seen.getInt("current_user_role_id"));
        assertEquals(bob.username(), seen.getString("owner_name"));

        ApiClient.Response page = alice.client().get("/api/v2.0/projects?page=1&page_size=1").expect(200);
        assertEquals(1, page.array().size());
        assertTrue(Long.parseLong(page.header("X-Total-Count")) >= 3);
        assertTrue(page.header("Link").contains("rel=\"next\""));

        Set<String> fuzzy = names(alice.client(), "q=name%3D~" + shared.substring(1, shared.length() - 1));
        assertEquals(Set.of(shared), fuzzy, "a fuzzy q matches inside names, among visible projects only");
        assertEquals(Set.of(shared), names(anonymous, "q=name%3D%7B" + shared + "%20" + alicePrivate + "%20" + bobPrivate + "%7D"),
                "any-of never reveals an invisible project");
        List<String> sorted = alice.client().get("/api/v2.0/projects?page_size=100&sort=-creation_time").expect(200).array()
                .stream().map(v -> v.asJsonObject().getString("name")).toList();
        assertTrue(sorted.indexOf(alicePrivate) < sorted.indexOf("library"), "newest first: " + sorted);
        for (String bad : List.of("q=owner_password%3Dx", "sort=secret", "q=creation_time%3D%5Bnot-a-time~%5D", "q=project_id%3Dabc")) {
            assertEquals("BAD_REQUEST", alice.client().get("/api/v2.0/projects?" + bad).expect(400).errorCode(), bad);
        }

        for (String p : List.of(shared, alicePrivate)) {
            alice.client().delete("/api/v2.0/projects/" + p).expect(200);
        }
        bob.client().delete("/api/v2.0/projects/" + bobPrivate).expect(200);
    }

    @Test
    void aPrivateProjectIsNotFoundForOutsidersExactlyLikeAMissingOne() {
        ApiClient.TestUser owner = admin.newUser("hider");
        ApiClient.TestUser outsider = admin.newUser("outsider");
        String name = RegistryClient.uniqueName("hidden");
        long id = owner.client().createProject(name, false);
        String missing = RegistryClient.uniqueName("missing");

        for (ApiClient who : List.of(anonymous, outsider.client())) {
            for (String method : List.of("GET", "PUT", "DELETE")) {
                ApiClient.Response byName = who.send(method, "/api/v2.0/projects/" + name, method.equals("PUT") ? "{}" : null);
                ApiClient.Response byMissing = who.send(method, "/api/v2.0/projects/" + missing, method.equals("PUT") ? "{}" : null);
                assertEquals(404, byName.status(), method + " " + byName.body());
                assertEquals(byMissing.status(), byName.status());
                assertEquals(byMissing.body().replace(missing, "X"), byName.body().replace(name, "X"));
                who.send(method, "/api/v2.0/projects/" + id, method.equals("PUT") ? "{}" : null).expect(404);
                who.send(method, "/api/v2.0/projects/99999999", method.equals("PUT") ? "{}" : null).expect(404);
            }
            who.get("/api/v2.0/projects/" + name + "/_deletable").expect(404);
            who.get("/api/v2.0/projects/" + name + "/summary").expect(404);
            who.get("/api/v2.0/projects/" + name + "/members").expect(404);
        }
        anonymous.head("/api/v2.0/projects?project_name=" + name).expect(401);
        outsider.client().head("/api/v2.0/projects?project_name=" + name).expect(200);
        outsider.client().head("/api/v2.0/projects?project_name=" + missing).expect(404);
        owner.client().delete("/api/v2.0/projects/" + name).expect(200);
    }

    @Test
    void aPublicProjectIsReadableByAllAndChangeableByItsAdministrators() {
        ApiClient.TestUser owner = admin.newUser("pubowner");
        ApiClient.TestUser outsider = admin.newUser("puboutsider");
        String name = RegistryClient.uniqueName("public");
        owner.client().createProject(name, true);
        JsonObject seen = anonymous.get("/api/v2.0/projects/" + name).expect(200).json();
        assertNull(seen.get("current_user_role_id"));
        outsider.client().get("/api/v2.0/projects/" + name).expect(200);
        anonymous.put("/api/v2.0/projects/" + name, "{\"metadata\":{\"auto_scan\":\"true\"}}").expect(401);
        outsider.client().put("/api/v2.0/projects/" + name, "{\"metadata\":{\"auto_scan\":\"true\"}}").expect(403);
        anonymous.delete("/api/v2.0/projects/" + name).expect(401);
        outsider.client().delete("/api/v2.0/projects/" + name).expect(403);
        anonymous.get("/api/v2.0/projects/" + name + "/members").expect(401);
        outsider.client().get("/api/v2.0/projects/" + name + "/members").expect(403);
        JsonObject summary = anonymous.get("/api/v2.0/projects/" + name + "/summary").expect(200).json();
        assertEquals(Set.of("repo_count"), summary.keySet(), "member counts only for those who may list members");
        owner.client().put("/api/v2.0/projects/" + name, "{\"metadata\":{\"public\":\"false\"}}").expect(200);
        anonymous.get("/api/v2.0/projects/" + name).expect(404);
        owner.client().delete("/api/v2.0/projects/" + name).expect(200);
    }

    /** Every role against every project operation, in a private project. */
    @Test
    void eachRoleMayDoWhatHarborsTableSays() {
        String name = RegistryClient.uniqueName("roles");
        ApiClient.TestUser owner = admin.newUser("roles-pa");
        long id = owner.client().createProject(name, false);
        Map<String, ApiClient> callers = new LinkedHashMap<>();
        callers.put("PA", owner.client());
        for (var role : Map.of("M", ApiClient.MAINTAINER, "D", ApiClient.DEVELOPER, "G", ApiClient.GUEST,
                "LG", ApiClient.LIMITED_GUEST).entrySet()) {
            ApiClient.TestUser user = admin.newUser("roles-" + role.getKey().toLowerCase());
            owner.client().addMember(name, user.id(), role.getValue());
            callers.put(role.getKey(), user.client());
        }
        callers.put("none", admin.newUser("roles-none").client());
        callers.put("anonymous", anonymous);
        callers.put("admin", admin);

        Map<String, Integer> expectedGet = Map.of("PA", 200, "M", 200, "D", 200, "G", 200, "LG", 200, "none", 404,
                "anonymous", 404, "admin", 200);
        Map<String, Integer> expectedChange = Map.of("PA", 200, "M", 403, "D", 403, "G", 403, "LG", 403, "none", 404,
                "anonymous", 404, "admin", 200);
        Map<String, Integer> expectedRole = Map.of("PA", 1, "M", 4, "D", 2, "G", 3, "LG", 5);
        callers.forEach((role, client) -> {
            ApiClient.Response get = client.get("/api/v2.0/projects/" + name);
            assertEquals(expectedGet.get(role), get.status(), role + " GET: " + get.body());
            if (expectedRole.containsKey(role)) {
                assertEquals(expectedRole.get(role), get.json().getInt("current_user_role_id"), role);
            }
            assertEquals(expectedChange.get(role), client.put("/api/v2.0/projects/" + id,
                    "{\"metadata\":{\"auto_scan\":\"true\"}}").status(), role + " PUT");
            assertEquals(expectedChange.get(role), client.get("/api/v2.0/projects/" + name + "/_deletable").status(),
                    role + " _deletable");
            if (!role.equals("PA") && !role.equals("admin")) {
                assertEquals(expectedChange.get(role), client.delete("/api/v2.0/projects/" + name).status(), role + " DELETE");
            }
            assertEquals(expectedGet.get(role), client.get("/api/v2.0/projects/" + name + "/summary").status(), role + " summary");
        });
        JsonObject summary = owner.client().get("/api/v2.0/projects/" + name + "/summary").expect(200).json();
        assertEquals(1, summary.getInt("project_admin_count"));
        assertEquals(1, summary.getInt("maintainer_count"));
        assertEquals(1, summary.getInt("developer_count"));
        assertEquals(1, summary.getInt("guest_count"));
        assertEquals(1, summary.getInt("limited_guest_count"));
        assertTrue(owner.client().get("/api/v2.0/projects/" + name + "/_deletable").expect(200).json().getBoolean("deletable"));
        owner.client().delete("/api/v2.0/projects/" + name).expect(200);
        owner.client().get("/api/v2.0/projects/" + name).expect(404);
    }

    @Test
    void anAllDigitNameIsANameWhenTheClientSaysSo() {
        String digits = Long.toString(900_000_000L + (long) (Math.random() * 99_999_999L));
        admin.createProject(digits, true);
        admin.with("X-Is-Resource-Name", "true").get("/api/v2.0/projects/" + digits).expect(200);
        assertEquals(digits, admin.with("X-Is-Resource-Name", "true").get("/api/v2.0/projects/" + digits).json().getString("name"));
        admin.get("/api/v2.0/projects/" + digits).expect(404);
        admin.with("X-Is-Resource-Name", "true").delete("/api/v2.0/projects/" + digits).expect(200);
    }

    @Test
    void createAndUpdateValidateTheirInput() {
        ApiClient.TestUser owner = admin.newUser("valid");
        owner.client().post("/api/v2.0/projects", "{\"project_name\":\"Not Valid\"}").expect(400);
        owner.client().post("/api/v2.0/projects", "{}").expect(400);
        String name = RegistryClient.uniqueName("valid");
        owner.client().post("/api/v2.0/projects", "{\"project_name\":\"" + name + "\",\"metadata\":{\"nonsense\":\"1\"}}").expect(400);
        owner.client().createProject(name, false);
        assertEquals("CONFLICT", admin.post("/api/v2.0/projects", "{\"project_name\":\"" + name + "\"}").expect(409).errorCode());
        owner.client().put("/api/v2.0/projects/" + name, "{\"metadata\":{\"public\":\"maybe\"}}").expect(400);
        owner.client().put("/api/v2.0/projects/" + name, "{\"owner_id\":1,\"metadata\":{\"public\":\"true\"}}").expect(200);
        assertEquals(owner.id(), owner.client().get("/api/v2.0/projects/" + name).json().getJsonNumber("owner_id").longValue(),
                "owner_id in a body is not applied");
        owner.client().delete("/api/v2.0/projects/" + name).expect(200);
    }

    private static Set<String> names(ApiClient client, String query) {
        return client.get("/api/v2.0/projects?page_size=100" + (query == null ? "" : "&" + query)).expect(200).array()
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("name")).collect(Collectors.toSet());
    }
}
