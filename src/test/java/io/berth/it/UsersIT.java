package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v2.0/users}: every operation's status codes and field names against Harbor's swagger
 * ({@code UserResp}, {@code UserSearchRespItem}), who may do what, and the password policy.
 */
class UsersIT {

    /** Harbor's {@code UserResp} without {@code oidc_user_meta} (no OIDC yet) and without null fields. */
    static final Set<String> USER_RESP = Set.of("user_id", "username", "email", "realname", "comment", "sysadmin_flag",
            "admin_role_in_auth", "creation_time", "update_time");

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final ApiClient anonymous = ApiClient.anonymous(server);

    @Test
    void createdUserReadsBackWithHarborsFieldsAndNoSecret() {
        String name = RegistryClient.uniqueName("fields");
        ApiClient.Response created = admin.post("/api/v2.0/users", ApiClient.userJson(name, "Secret-Passw0rd")).expect(201);
        assertEquals("/api/v2.0/users/" + created.locationId(), created.location().getPath());
        ApiClient.Response read = admin.get("/api/v2.0/users/" + created.locationId()).expect(200);
        JsonObject user = read.json();
        assertEquals(USER_RESP, user.keySet());
        assertEquals(created.locationId(), user.getJsonNumber("user_id").longValue());
        assertEquals(name, user.getString("username"));
        assertEquals(name + "@example.com", user.getString("email"));
        assertEquals("Test " + name, user.getString("realname"));
        assertEquals("created by a test", user.getString("comment"));
        assertFalse(user.getBoolean("sysadmin_flag"));
        assertFalse(user.getBoolean("admin_role_in_auth"));
        assertTrue(user.getString("creation_time").matches("\\d{4}-\\d\\d-\\d\\dT.*"), user.toString());
        assertFalse(read.body().contains("Secret-Passw0rd"));
        assertFalse(read.body().toLowerCase().contains("pbkdf2"));
        assertFalse(read.body().toLowerCase().contains("password"));
        assertNotNull(read.header("X-Request-Id"));
    }

    @Test
    void listIsForAdministratorsWithPagingHeaders() {
        ApiClient.TestUser user = admin.newUser("lister");
        admin.newUser("lister");
        anonymous.get("/api/v2.0/users").expect(401);
        assertEquals("FORBIDDEN", user.client().get("/api/v2.0/users").expect(403).errorCode());

        ApiClient.Response page = admin.get("/api/v2.0/users?page=1&page_size=1&username=lister").expect(200);
        assertEquals(1, page.array().size());
        long total = Long.parseLong(page.header("X-Total-Count"));
        assertTrue(total >= 2, "both listers count: " + total);
        assertTrue(page.header("Link").contains("rel=\"next\""), page.header("Link"));
        assertEquals(USER_RESP, page.array().getJsonObject(0).keySet());
        ApiClient.Response second = admin.get("/api/v2.0/users?page=2&page_size=1&username=lister").expect(200);
        assertTrue(second.header("Link").contains("rel=\"prev\""), second.header("Link"));

        JsonArray exact = admin.get("/api/v2.0/users?q=username%3D" + user.username()).expect(200).array();
        assertEquals(1, exact.size());
        assertEquals(user.username(), exact.getJsonObject(0).getString("username"));
        JsonArray byEmail = admin.get("/api/v2.0/users?email=" + user.username() + "%40example").expect(200).array();
        assertEquals(1, byEmail.size());
        admin.get("/api/v2.0/users?sort=-username,creation_time").expect(200);
        JsonArray anyOf = admin.get("/api/v2.0/users?q=username%3D%7B" + user.username() + "%20admin%7D").expect(200).array();
        assertEquals(2, anyOf.size(), "any-of matches both names");
        JsonArray range = admin.get("/api/v2.0/users?q=username%3D%5B" + user.username() + "~" + user.username() + "%5D").expect(200).array();
        assertEquals(1, range.size(), "a closed range of one name matches that name");
    }

    @Test
    void listCannotFilterOrSortBySecretsOrUnknownKeys() {
        for (String query : new String[] {"q=password_hash%3D~pbkdf2", "q=password%3Dx", "q=passwordHash%3D~a",
                "sort=password_hash", "sort=-failed_logins", "q=username%3D%5Ba", "q=creation_time%3D%5Byesterday~%5D"}) {
            assertEquals("BAD_REQUEST", admin.get("/api/v2.0/users?" + query).expect(400).errorCode(), query);
        }
    }

    @Test
    void wildcardsInFiltersAreLiteral() {
        JsonArray none = admin.get("/api/v2.0/users?username=%25").expect(200).array();
        assertEquals(0, none.size(), "a % matches a literal percent sign, not everything");
        JsonArray noneEither = admin.get("/api/v2.0/users?username=_").expect(200).array();
        assertEquals(0, noneEither.size());
    }

    @Test
    void creatingUsersNeedsAnAdministratorWhileSelfRegistrationIsOff() {
        ApiClient.TestUser user = admin.newUser("creator");
        String body = ApiClient.userJson(RegistryClient.uniqueName("x"), "Good-Passw0rd");
        assertEquals("UNAUTHORIZED", anonymous.post("/api/v2.0/users", body).expect(401).errorCode());
        assertEquals("FORBIDDEN", user.client().post("/api/v2.0/users", body).expect(403).errorCode());
    }

    @Test
    void selfRegistrationNeverMakesAnAdministrator() {
        admin.configure("{\"self_registration\":true}");
        try {
            String name = RegistryClient.uniqueName("selfreg");
            String body = "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\",\"realname\":\"Mallory\","
                    + "\"password\":\"Mall0ry-Passw0rd\",\"sysadmin_flag\":true,\"has_admin_role\":true,\"admin_role_in_auth\":true,"
                    + "\"user_id\":1,\"role_id\":1,\"creation_time\":\"2001-01-01T00:00:00Z\"}";
            long id = anonymous.post("/api/v2.0/users", body).expect(201).locationId();
            ApiClient mallory = anonymous.as(name, "Mall0ry-Passw0rd");
            JsonObject me = mallory.get("/api/v2.0/users/current").expect(200).json();
            assertEquals(id, me.getJsonNumber("user_id").longValue());
            assertFalse(me.getBoolean("sysadmin_flag"));
            assertFalse(me.getBoolean("admin_role_in_auth"));
            assertFalse(me.getString("creation_time").startsWith("2001"));
            mallory.get("/api/v2.0/users").expect(403);
            assertFalse(admin.get("/api/v2.0/users/" + id).expect(200).json().getBoolean("sysadmin_flag"));
            mallory.put("/api/v2.0/users/" + id, "{\"email\":\"" + name + "@example.com\",\"realname\":\"M\",\"sysadmin_flag\":true}")
                    .expect(200);
            mallory.get("/api/v2.0/users").expect(403);
            mallory.put("/api/v2.0/users/" + id + "/sysadmin", "{\"sysadmin_flag\":true}").expect(403);
        } finally {
            admin.configure("{\"self_registration\":false}");
        }
    }

    @Test
    void invalidUsersAreRejected() {
        String name = RegistryClient.uniqueName("bad");
        String[] bodies = {
            "{}",
            body("", name + "@example.com", "Good-Passw0rd"),
            body(name + ":colon", name + "@example.com", "Good-Passw0rd"),
            body("robot$" + name, name + "@example.com", "Good-Passw0rd"),
            body(name + "#", name + "@example.com", "Good-Passw0rd"),
            body("a".repeat(256), name + "@example.com", "Good-Passw0rd"),
            body(name, "not-an-email", "Good-Passw0rd"),
            body(name, "", "Good-Passw0rd"),
            body(name, name + "@example.com", "Sh0rt-a"),
            body(name, name + "@example.com", "nouppercase-1"),
            body(name, name + "@example.com", "NOLOWERCASE-1"),
            body(name, name + "@example.com", "No-Digits-At-All"),
            body(name, name + "@example.com", "Aa1" + "x".repeat(126)),
        };
        for (String body : bodies) {
            assertEquals("BAD_REQUEST", admin.post("/api/v2.0/users", body).expect(400).errorCode(), body);
        }
        admin.post("/api/v2.0/users", "{not json").expect(400);
        admin.post("/api/v2.0/users", body(name, name + "@example.com", "Aa1" + "x".repeat(125))).expect(201);
    }

    @Test
    void namesAndEmailsAreUnique() {
        ApiClient.TestUser user = admin.newUser("unique");
        assertEquals("CONFLICT", admin.post("/api/v2.0/users", ApiClient.userJson(user.username(), "Good-Passw0rd"))
                .expect(409).errorCode());
        String other = RegistryClient.uniqueName("other");
        admin.post("/api/v2.0/users", body(other, user.username().toUpperCase() + "@EXAMPLE.COM", "Good-Passw0rd")).expect(409);
    }

    @Test
    void aUserReadsAndUpdatesItselfOnly() {
        ApiClient.TestUser alice = admin.newUser("alice");
        ApiClient.TestUser bob = admin.newUser("bob");
        anonymous.get("/api/v2.0/users/" + alice.id()).expect(401);
        assertEquals(USER_RESP, alice.client().get("/api/v2.0/users/" + alice.id()).expect(200).json().keySet());
        ApiClient.Response other = alice.client().get("/api/v2.0/users/" + bob.id()).expect(403);
        ApiClient.Response missing = alice.client().get("/api/v2.0/users/99999999").expect(403);
        assertEquals(other.errorCode(), missing.errorCode(), "non-administrators cannot tell which ids exist");
        admin.get("/api/v2.0/users/99999999").expect(404);

        String profile = "{\"email\":\"" + alice.username() + "@new.example.com\",\"realname\":\"Alice A\",\"comment\":\"hi\"}";
        alice.client().put("/api/v2.0/users/" + alice.id(), profile).expect(200);
        JsonObject updated = alice.client().get("/api/v2.0/users/current").expect(200).json();
        assertEquals(alice.username() + "@new.example.com", updated.getString("email"));
        assertEquals("Alice A", updated.getString("realname"));
        assertEquals("hi", updated.getString("comment"));
        alice.client().put("/api/v2.0/users/" + bob.id(), profile).expect(403);
        admin.put("/api/v2.0/users/" + bob.id(), "{\"email\":\"" + bob.username() + "@example.org\",\"realname\":\"Bob\"}").expect(200);
        admin.put("/api/v2.0/users/" + bob.id(), "{\"email\":\"bad\",\"realname\":\"Bob\"}").expect(400);
        admin.put("/api/v2.0/users/" + bob.id(), profile).expect(409);
        admin.put("/api/v2.0/users/99999999", profile).expect(404);
    }

    @Test
    void currentUser() {
        anonymous.get("/api/v2.0/users/current").expect(401);
        JsonObject me = admin.get("/api/v2.0/users/current").expect(200).json();
        assertEquals(BerthServer.ADMIN, me.getString("username"));
        assertTrue(me.getBoolean("sysadmin_flag"));
        assertEquals(USER_RESP, me.keySet());
    }

    @Test
    void searchIsForSignedInCallersAndShowsIdsAndNamesOnly() {
        ApiClient.TestUser user = admin.newUser("searchable");
        anonymous.get("/api/v2.0/users/search?username=searchable").expect(401);
        user.client().get("/api/v2.0/users/search").expect(400);
        ApiClient.Response found = user.client().get("/api/v2.0/users/search?username=" + user.username()).expect(200);
        assertEquals("1", found.header("X-Total-Count"));
        JsonObject item = found.array().getJsonObject(0);
        assertEquals(Set.of("user_id", "username"), item.keySet());
        assertEquals(user.id(), item.getJsonNumber("user_id").longValue());
        assertFalse(found.body().contains("@example.com"));
        ApiClient.Response paged = user.client().get("/api/v2.0/users/search?username=searchable&page_size=1").expect(200);
        assertEquals(1, paged.array().size());
        assertEquals(0, user.client().get("/api/v2.0/users/search?username=%25").expect(200).array().size());
    }

    @Test
    void passwordChangesFollowHarborsRules() {
        ApiClient.TestUser user = admin.newUser("pw");
        ApiClient.TestUser other = admin.newUser("pw");
        String path = "/api/v2.0/users/" + user.id() + "/password";
        anonymous.put(path, "{\"old_password\":\"x\",\"new_password\":\"New-Passw0rd\"}").expect(401);
        user.client().put(path, "{\"new_password\":\"New-Passw0rd\"}").expect(403);
        user.client().put(path, "{\"old_password\":\"Wrong-Passw0rd1\",\"new_password\":\"New-Passw0rd\"}").expect(403);
        user.client().put(path, "{\"old_password\":\"" + user.password() + "\",\"new_password\":\"weak\"}").expect(400);
        user.client().put(path, "{\"old_password\":\"" + user.password() + "\",\"new_password\":\"" + user.password() + "\"}").expect(400);
        other.client().put(path, "{\"new_password\":\"New-Passw0rd\"}").expect(403);

        user.client().put(path, "{\"old_password\":\"" + user.password() + "\",\"new_password\":\"New-Passw0rd\"}").expect(200);
        anonymous.as(user.username(), user.password()).get("/api/v2.0/users/current").expect(401);
        ApiClient renewed = anonymous.as(user.username(), "New-Passw0rd");
        renewed.get("/api/v2.0/users/current").expect(200);

        admin.put(path, "{\"new_password\":\"Reset-Passw0rd\"}").expect(200);
        renewed.get("/api/v2.0/users/current").expect(401);
        anonymous.as(user.username(), "Reset-Passw0rd").get("/api/v2.0/users/current").expect(200);
        admin.put("/api/v2.0/users/99999999/password", "{\"new_password\":\"Reset-Passw0rd\"}").expect(404);
        admin.put("/api/v2.0/users/" + admin.get("/api/v2.0/users/current").json().getJsonNumber("user_id")
                + "/password", "{\"new_password\":\"Reset-Passw0rd\"}").expect(403);
    }

    @Test
    void sysadminFlagIsForAdministratorsAndAdminStaysOne() {
        ApiClient.TestUser user = admin.newUser("promote");
        String path = "/api/v2.0/users/" + user.id() + "/sysadmin";
        anonymous.put(path, "{\"sysadmin_flag\":true}").expect(401);
        user.client().put(path, "{\"sysadmin_flag\":true}").expect(403);
        admin.put(path, "{}").expect(400);
        admin.put(path, "{\"sysadmin_flag\":true}").expect(200);
        assertTrue(admin.get("/api/v2.0/users/" + user.id()).json().getBoolean("sysadmin_flag"));
        user.client().get("/api/v2.0/users").expect(200);

        long adminId = admin.get("/api/v2.0/users/current").json().getJsonNumber("user_id").longValue();
        user.client().put("/api/v2.0/users/" + adminId + "/sysadmin", "{\"sysadmin_flag\":false}").expect(403);
        user.client().put(path, "{\"sysadmin_flag\":false}").expect(403);
        admin.put(path, "{\"sysadmin_flag\":false}").expect(200);
        user.client().get("/api/v2.0/users").expect(403);
        admin.put("/api/v2.0/users/99999999/sysadmin", "{\"sysadmin_flag\":true}").expect(404);
    }

    @Test
    void deletingUsersIsForAdministratorsAndNeverAdminNorOneself() {
        ApiClient.TestUser victim = admin.newUser("victim");
        ApiClient.TestUser user = admin.newUser("deleter");
        long adminId = admin.get("/api/v2.0/users/current").json().getJsonNumber("user_id").longValue();
        anonymous.delete("/api/v2.0/users/" + victim.id()).expect(401);
        user.client().delete("/api/v2.0/users/" + victim.id()).expect(403);
        user.client().delete("/api/v2.0/users/" + user.id()).expect(403);
        admin.delete("/api/v2.0/users/" + adminId).expect(403);

        ApiClient.TestUser second = admin.newUser("second-admin");
        admin.put("/api/v2.0/users/" + second.id() + "/sysadmin", "{\"sysadmin_flag\":true}").expect(200);
        assertEquals("FORBIDDEN", second.client().delete("/api/v2.0/users/" + adminId).expect(403).errorCode());
        second.client().delete("/api/v2.0/users/" + second.id()).expect(403);
        second.client().put("/api/v2.0/users/" + adminId + "/sysadmin", "{\"sysadmin_flag\":false}").expect(403);
        admin.get("/api/v2.0/users/current").expect(200);

        String project = RegistryClient.uniqueName("owned");
        admin.createProject(project, false);
        admin.addMember(project, victim.id(), ApiClient.DEVELOPER);
        admin.delete("/api/v2.0/users/" + victim.id()).expect(200);
        admin.get("/api/v2.0/users/" + victim.id()).expect(404);
        admin.delete("/api/v2.0/users/" + victim.id()).expect(404);
        victim.client().get("/api/v2.0/users/current").expect(401);
        JsonArray members = admin.get("/api/v2.0/projects/" + project + "/members").expect(200).array();
        assertFalse(members.getValuesAs(JsonObject.class).stream()
                .anyMatch(m -> m.getString("entity_name").equals(victim.username())), "memberships go with the user");
        admin.delete("/api/v2.0/projects/" + project).expect(200);
    }

    @Test
    void currentPermissionsPerScope() {
        ApiClient.TestUser owner = admin.newUser("permowner");
        ApiClient.TestUser guest = admin.newUser("permguest");
        ApiClient.TestUser stranger = admin.newUser("permstranger");
        String project = RegistryClient.uniqueName("perm");
        long id = owner.client().createProject(project, false);
        owner.client().addMember(project, guest.id(), ApiClient.GUEST);

        anonymous.get("/api/v2.0/users/current/permissions?scope=/project/" + id).expect(401);
        Set<String> ownerRelative = permissions(owner.client().get("/api/v2.0/users/current/permissions?scope=/project/"
                + id + "&relative=true").expect(200).array());
        assertTrue(ownerRelative.contains("member:create"), ownerRelative.toString());
        assertTrue(ownerRelative.contains("repository:push"));
        assertTrue(ownerRelative.contains(".:delete"), "the project itself is \".\" relative to its scope: " + ownerRelative);
        Set<String> guestRelative = permissions(guest.client().get("/api/v2.0/users/current/permissions?scope=/project/"
                + id + "&relative=true").expect(200).array());
        assertTrue(guestRelative.contains("repository:pull"));
        assertTrue(guestRelative.contains("member:list"));
        assertFalse(guestRelative.contains("member:create"));
        assertFalse(guestRelative.contains("repository:push"));
        Set<String> absolute = permissions(guest.client().get("/api/v2.0/users/current/permissions?scope=/project/" + id)
                .expect(200).array());
        assertTrue(absolute.contains("/project/" + id + "/repository:pull"), absolute.toString());
        assertTrue(permissions(stranger.client().get("/api/v2.0/users/current/permissions?scope=/project/" + id)
                .expect(200).array()).isEmpty(), "a private project shows nothing, as a missing one");
        assertTrue(permissions(stranger.client().get("/api/v2.0/users/current/permissions?scope=/project/99999999")
                .expect(200).array()).isEmpty());

        Set<String> system = permissions(admin.get("/api/v2.0/users/current/permissions?scope=/system&relative=true").expect(200).array());
        assertTrue(system.contains("user:create"), system.toString());
        assertTrue(permissions(owner.client().get("/api/v2.0/users/current/permissions?scope=/system").expect(200).array()).isEmpty());
        owner.client().delete("/api/v2.0/projects/" + project).expect(200);
    }

    @Test
    void permissionCatalogueIsForAdministrators() {
        ApiClient.TestUser owner = admin.newUser("catalog");
        ApiClient.TestUser plain = admin.newUser("catalog");
        anonymous.get("/api/v2.0/permissions").expect(401);
        plain.client().get("/api/v2.0/permissions").expect(403);
        JsonObject all = admin.get("/api/v2.0/permissions").expect(200).json();
        assertEquals(Set.of("system", "project"), all.keySet());
        assertTrue(permissions(all.getJsonArray("system")).contains("user:create"));
        assertTrue(permissions(all.getJsonArray("project")).contains("repository:push"));
        for (JsonValue p : all.getJsonArray("project")) {
            assertEquals(Set.of("resource", "action"), p.asJsonObject().keySet());
        }

        String project = RegistryClient.uniqueName("catalog");
        owner.client().createProject(project, false);
        JsonObject projectOnly = owner.client().get("/api/v2.0/permissions").expect(200).json();
        assertEquals(Set.of("project"), projectOnly.keySet(), "project administrators do not see system permissions");
        owner.client().delete("/api/v2.0/projects/" + project).expect(200);
    }

    static Set<String> permissions(JsonArray array) {
        return array.getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("resource") + ":" + p.getString("action"))
                .collect(Collectors.toSet());
    }

    private static String body(String username, String email, String password) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + email + "\",\"realname\":\"R\",\"password\":\"" + password + "\"}";
    }
}
