package io.berth.it;

import static io.berth.auth.control.ldap.LdapTestDirectory.SEARCH_PASSWORD;
import static io.berth.auth.control.ldap.LdapTestDirectory.group;
import static io.berth.auth.control.ldap.LdapTestDirectory.password;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.auth.control.ldap.LdapTestDirectory;
import io.berth.it.console.Browser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * LDAP from the outside: Berth configured through {@code PUT /api/v2.0/configurations}, LDAP users logging in with
 * HTTP Basic (the API and the token service), groups resolved without a memberOf overlay and through nesting, the
 * admin group, the refusals, failover, and the LDAP administration endpoints.
 * <p>
 * It runs on a Berth of its own ({@link BerthServer#dedicated()}): {@code auth_mode} is global and cannot change
 * back once users exist, so switching the shared server to LDAP would break every other test.
 */
class LdapIT {

    private static LdapTestDirectory ldap;
    private static BerthServer server;
    private static ApiClient admin;
    private static ApiClient anonymous;

    @BeforeAll
    static void start() throws Exception {
        ldap = LdapTestDirectory.plain();
        server = BerthServer.dedicated();
        admin = ApiClient.admin(server);
        anonymous = ApiClient.anonymous(server);
        JsonObjectBuilder settings = Json.createObjectBuilder();
        ldap.settings().forEach(settings::add);
        settings.add("auth_mode", "ldap_auth");
        admin.configure(settings.build().toString());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (ldap != null) {
            ldap.close();
        }
    }

    @Test
    void configurationsShowEverySettingWithHarborsTypesButNeverThePassword() {
        ApiClient.Response response = admin.get("/api/v2.0/configurations").expect(200);
        JsonObject config = response.json();

        assertEquals(Json.createObjectBuilder().add("value", ldap.url()).add("editable", true).build(), config.get("ldap_url"));
        assertEquals("ldap_auth", config.getJsonObject("auth_mode").getString("value"));
        assertEquals(2, config.getJsonObject("ldap_scope").getInt("value"));
        assertEquals(JsonValue.FALSE, config.getJsonObject("ldap_verify_cert").get("value"));
        assertEquals(30, config.getJsonObject("token_expiration").getInt("value"));
        assertEquals("everyone", config.getJsonObject("project_creation_restriction").getString("value"));
        assertEquals("memberOf", config.getJsonObject("ldap_group_membership_attribute").getString("value"));
        assertFalse(config.containsKey("ldap_search_password"));
        assertFalse(response.body().contains(SEARCH_PASSWORD), "the bind password never leaves");
    }

    @Test
    void badConfigurationsAreRefusedWholeAndNothingIsStored() {
        for (String bad : List.of("{\"no_such_key\":1}", "{\"token_expiration\":\"abc\"}", "{\"token_expiration\":0}",
                "{\"ldap_url\":\"http://evil.example\"}", "{\"auth_mode\":\"oidc_auth\"}", "{\"ldap_scope\":3}",
                "{\"ldap_uid\":\"uid)(cn=*\"}", "{\"self_registration\":\"maybe\"}", "[1]", "not json",
                "{\"token_expiration\":45,\"ldap_timeout\":0}")) {
            assertEquals("BAD_REQUEST", admin.put("/api/v2.0/configurations", bad).expect(400).errorCode(), bad);
        }
        assertEquals(30, admin.get("/api/v2.0/configurations").expect(200).json()
                .getJsonObject("token_expiration").getInt("value"), "a refused request stores nothing");
    }

    @Test
    void configurationsAndLdapEndpointsAreForAdministratorsOnly() {
        ApiClient alice = admin.as("alice", password("alice"));
        for (String[] call : List.of(new String[] {"GET", "/api/v2.0/configurations", null},
                new String[] {"PUT", "/api/v2.0/configurations", "{\"token_expiration\":5}"},
                new String[] {"POST", "/api/v2.0/ldap/ping", null},
                new String[] {"GET", "/api/v2.0/ldap/users/search?username=alice", null},
                new String[] {"POST", "/api/v2.0/ldap/users/import", "{\"ldap_uid_list\":[\"eve\"]}"},
                new String[] {"GET", "/api/v2.0/ldap/groups/search?groupname=developers", null})) {
            anonymous.send(call[0], call[1], call[2]).expect(401);
            alice.send(call[0], call[1], call[2]).expect(403);
        }
    }

    @Test
    void anLdapUserSignsInToTheWebConsole() {
        try (Browser browser = Browser.open(server)) {
            browser.signIn("carol", password("carol"));
            assertEquals("carol", browser.text(By.id("shell:account_button")), "signed in through the directory");
            assertEquals("/console/projects/list", browser.path());
            assertFalse(browser.findAll(By.id("navUsers")).isEmpty(),
                    "the directory's (nested) admin group makes her an administrator in the console too");
        }
    }

    @Test
    void anLdapUserLogsInAndIsOnboardedWithItsDirectoryProfile() {
        JsonObject current = admin.as("alice", password("alice")).get("/api/v2.0/users/current").expect(200).json();

        assertEquals("alice", current.getString("username"));
        assertEquals("alice@example.com", current.getString("email"));
        assertEquals("Alice Anders", current.getString("realname"));
        assertFalse(current.getBoolean("sysadmin_flag"));
    }

    @Test
    void theNestedAdminGroupMakesASystemAdministrator() {
        ApiClient carol = admin.as("carol", password("carol"));

        assertTrue(carol.get("/api/v2.0/users/current").expect(200).json().getBoolean("sysadmin_flag"));
        carol.get("/api/v2.0/configurations").expect(200);
    }

    @Test
    void wrongPasswordUnknownUserEmptyPasswordAndFilterInjectionGetOneAndTheSameAnswer() {
        ApiClient.Response wrong = admin.as("bob", "Wrong-Pw-1").get("/api/v2.0/users/current").expect(401);
        ApiClient.Response unknown = admin.as("nobody", password("alice")).get("/api/v2.0/users/current").expect(401);
        ApiClient.Response injection = admin.as("*)(uid=*", password("alice")).get("/api/v2.0/users/current").expect(401);
        ApiClient.Response star = admin.as("*", password("alice")).get("/api/v2.0/users/current").expect(401);
        ApiClient.Response empty = admin.as("dave", "").get("/api/v2.0/users/current").expect(401);

        assertEquals(wrong.body(), unknown.body());
        assertEquals(wrong.body(), injection.body());
        assertEquals(wrong.body(), star.body());
        assertEquals(wrong.body(), empty.body());
    }

    @Test
    void aDirectoryEntryNamedAdminNeverBecomesBerthsAdmin() {
        admin.as("Admin", password("admin")).get("/api/v2.0/users/current").expect(401);
        admin.as("admin", password("admin")).get("/api/v2.0/users/current").expect(401);
        admin.get("/api/v2.0/users/current").expect(200);
    }

    @Test
    void ldapGroupsGiveProjectRolesDirectlyAndThroughNesting() {
        String project = RegistryClient.uniqueName("ldap");
        admin.createProject(project, false);
        // Registered with other case and spacing than the directory returns: DNs compare as DNs.
        long platform = registerGroup("platform", "CN=Platform, OU=Groups, DC=Example, DC=Com");
        long developers = registerGroup("developers", group("developers"));
        admin.post("/api/v2.0/projects/" + project + "/members",
                "{\"role_id\":" + ApiClient.DEVELOPER + ",\"member_group\":{\"id\":" + platform + "}}").expect(201);
        admin.post("/api/v2.0/projects/" + project + "/members",
                "{\"role_id\":" + ApiClient.GUEST + ",\"member_group\":{\"id\":" + developers + "}}").expect(201);
        String scope = "repository:" + project + "/app:pull,push";

        assertEquals(Set.of("pull", "push"), grantedActions("bob", scope), "bob is in team-a, which is in platform");
        assertEquals(Set.of("pull"), grantedActions("alice", scope), "alice is in developers");
        assertEquals(Set.of(), grantedActions("eve", scope), "eve is in neither");
    }

    @Test
    void aProjectAdminAddsAnLdapGroupByItsDnAndTheDirectoryConfirmsIt() {
        ApiClient alice = admin.as("alice", password("alice"));
        String project = RegistryClient.uniqueName("ldap-dn");
        alice.createProject(project, false);
        // No administrator registered team-a: the directory has it, so it is registered on first use, as in Harbor.
        alice.post("/api/v2.0/projects/" + project + "/members",
                "{\"role_id\":" + ApiClient.DEVELOPER + ",\"member_group\":{\"ldap_group_dn\":\"" + group("team-a") + "\"}}")
                .expect(201);
        JsonArray registered = admin.get("/api/v2.0/usergroups?ldap_group_dn=" + encode(group("team-a"))).expect(200).array();
        assertEquals(1, registered.size(), registered.toString());
        assertEquals("team-a", registered.getJsonObject(0).getString("group_name"));
        assertEquals(Set.of("pull", "push"), grantedActions("bob", "repository:" + project + "/app:pull,push"), "bob is in team-a");

        // Spelled otherwise, the same group is found again rather than registered twice.
        String other = RegistryClient.uniqueName("ldap-dn");
        alice.createProject(other, false);
        alice.post("/api/v2.0/projects/" + other + "/members", "{\"role_id\":" + ApiClient.GUEST
                + ",\"member_group\":{\"ldap_group_dn\":\"CN=Team-A, OU=Groups, DC=Example, DC=Com\"}}").expect(201);
        assertEquals(1, admin.get("/api/v2.0/usergroups?group_name=team-a").expect(200).array().size());

        alice.post("/api/v2.0/projects/" + project + "/members",
                "{\"role_id\":3,\"member_group\":{\"ldap_group_dn\":\"cn=nobody,ou=groups,dc=example,dc=com\"}}").expect(404);
        alice.post("/api/v2.0/projects/" + project + "/members",
                "{\"role_id\":3,\"member_group\":{\"ldap_group_dn\":\"not a dn\"}}").expect(400);
    }

    @Test
    void theSecondUrlServesLoginsWhenTheFirstIsDown() throws Exception {
        try {
            admin.configure("{\"ldap_url\":\"ldap://127.0.0.1:" + LdapTestDirectory.closedPort() + "," + ldap.url() + "\"}");

            assertEquals("dave", admin.as("dave", password("dave")).get("/api/v2.0/users/current").expect(200)
                    .json().getString("username"));
        } finally {
            admin.configure("{\"ldap_url\":\"" + ldap.url() + "\"}");
        }
    }

    @Test
    void aDirectoryThatIsDownLetsNobodyInButTheLocalAdmin() throws Exception {
        admin.as("alice", password("alice")).get("/api/v2.0/users/current").expect(200);
        try {
            admin.configure("{\"ldap_url\":\"ldap://127.0.0.1:" + LdapTestDirectory.closedPort() + "\"}");

            admin.as("alice", password("alice")).get("/api/v2.0/users/current").expect(401);
            admin.get("/api/v2.0/configurations").expect(200);
        } finally {
            admin.configure("{\"ldap_url\":\"" + ldap.url() + "\"}");
        }
        admin.as("alice", password("alice")).get("/api/v2.0/users/current").expect(200);
    }

    @Test
    void pingTestsTheSavedSettingsOrTheGivenOnes() throws Exception {
        JsonObject saved = admin.post("/api/v2.0/ldap/ping", null).expect(200).json();
        assertTrue(saved.getBoolean("success"), saved.toString());

        JsonObject down = ping("{\"ldap_url\":\"ldap://127.0.0.1:" + LdapTestDirectory.closedPort() + "\"}");
        assertFalse(down.getBoolean("success"));

        ApiClient.Response wrongPassword = admin.post("/api/v2.0/ldap/ping", "{\"ldap_search_password\":\"Not-it-1\"}").expect(200);
        assertFalse(wrongPassword.json().getBoolean("success"));
        assertFalse(wrongPassword.body().contains("Not-it-1"), "the password is never echoed");

        admin.post("/api/v2.0/ldap/ping", "{\"ldap_url\":\"http://127.0.0.1:" + server.base().getPort() + "\"}").expect(400);
        admin.post("/api/v2.0/ldap/ping", "{\"ldap_scope\":\"everything\"}").expect(400);
    }

    @Test
    void pingNeverSendsTheSavedPasswordToAnotherServer() throws Exception {
        try (LdapTestDirectory other = LdapTestDirectory.plain()) {
            assertFalse(ping("{\"ldap_url\":\"" + other.url() + "\"}").getBoolean("success"));
            assertTrue(ping("{\"ldap_url\":\"" + other.url() + "\",\"ldap_search_password\":\"" + SEARCH_PASSWORD + "\"}")
                    .getBoolean("success"));
        }
    }

    @Test
    void pingOverLdapsChecksTheCertificateUnlessToldNotTo() throws Exception {
        try (LdapTestDirectory tls = LdapTestDirectory.secure()) {
            String base = "\"ldap_url\":\"" + tls.url() + "\",\"ldap_search_password\":\"" + SEARCH_PASSWORD + "\"";

            assertFalse(ping("{" + base + ",\"ldap_verify_cert\":true}").getBoolean("success"), "self-signed");
            assertTrue(ping("{" + base + ",\"ldap_verify_cert\":false}").getBoolean("success"));
            assertTrue(ping("{" + base + ",\"ldap_connection_timeout\":3,\"ldap_verify_cert\":false}").getBoolean("success"));
        }
    }

    @Test
    void usersAndGroupsAreSearchedInTheDirectory() {
        JsonArray alice = admin.get("/api/v2.0/ldap/users/search?username=alice").expect(200).array();
        JsonArray injected = admin.get("/api/v2.0/ldap/users/search?username=" + encode("*)(uid=*")).expect(200).array();
        JsonArray everyone = admin.get("/api/v2.0/ldap/users/search").expect(200).array();
        JsonArray developers = admin.get("/api/v2.0/ldap/groups/search?groupname=developers").expect(200).array();
        JsonArray platform = admin.get("/api/v2.0/ldap/groups/search?groupdn=" + encode(group("platform"))).expect(200).array();

        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("username", "alice")
                .add("realname", "Alice Anders").add("email", "alice@example.com")).build(), alice);
        assertEquals(0, injected.size());
        assertEquals(8, everyone.size(), everyone.toString());
        assertEquals(1, developers.size());
        assertEquals("developers", developers.getJsonObject(0).getString("group_name"));
        assertEquals(1, developers.getJsonObject(0).getInt("group_type"));
        assertEquals(group("developers"), developers.getJsonObject(0).getString("ldap_group_dn"));
        assertEquals("platform", platform.getJsonObject(0).getString("group_name"));
        admin.get("/api/v2.0/ldap/groups/search").expect(400);
        admin.get("/api/v2.0/ldap/groups/search?groupdn=nonsense").expect(400);
    }

    @Test
    void importOnboardsUsersAndAnswers404WithTheOnesThatFailed() {
        ApiClient.Response response = admin.post("/api/v2.0/ldap/users/import",
                "{\"ldap_uid_list\":[\"eve\",\"nobody\",\"twin\"]}").expect(404);
        Map<String, String> failed = response.array().stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(o -> o.getString("uid"), o -> o.getString("error")));

        assertEquals(Set.of("nobody", "twin"), failed.keySet());
        assertEquals("user already exists", admin.post("/api/v2.0/ldap/users/import", "{\"ldap_uid_list\":[\"eve\"]}")
                .expect(404).array().getJsonObject(0).getString("error"));
        assertEquals(1, admin.get("/api/v2.0/users/search?username=eve").expect(200).array().stream()
                .filter(u -> u.asJsonObject().getString("username").equals("eve")).count());
        admin.post("/api/v2.0/ldap/users/import", "{\"ldap_uid_list\":\"eve\"}").expect(400);
    }

    @Test
    void theAuthModeIsLockedOnceUsersExist() {
        admin.post("/api/v2.0/ldap/users/import", "{\"ldap_uid_list\":[\"bob\"]}");

        JsonObject mode = admin.get("/api/v2.0/configurations").expect(200).json().getJsonObject("auth_mode");
        assertFalse(mode.getBoolean("editable"));
        assertEquals("BAD_REQUEST", admin.put("/api/v2.0/configurations", "{\"auth_mode\":\"db_auth\"}").expect(400).errorCode());
        admin.configure("{\"auth_mode\":\"ldap_auth\"}");
    }

    private long registerGroup(String name, String dn) {
        return admin.post("/api/v2.0/usergroups", Json.createObjectBuilder().add("group_name", name).add("group_type", 1)
                .add("ldap_group_dn", dn).build().toString()).expect(201).locationId();
    }

    /** The actions a token from {@code /service/token} grants {@code user} for {@code scope}. */
    private static Set<String> grantedActions(String user, String scope) {
        ApiClient.Response response = admin.as(user, password(user))
                .get("/service/token?service=harbor-registry&scope=" + encode(scope)).expect(200);
        String payload = response.json().getString("token").split("\\.")[1];
        JsonObject claims = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))).readObject();
        return claims.getJsonArray("access").stream()
                .flatMap(a -> a.asJsonObject().getJsonArray("actions").getValuesAs(JsonString.class).stream())
                .map(JsonString::getString)
                .collect(Collectors.toSet());
    }

    private static JsonObject ping(String body) {
        return admin.post("/api/v2.0/ldap/ping", body).expect(200).json();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
