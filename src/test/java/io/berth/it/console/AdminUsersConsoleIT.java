package io.berth.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.auth.control.ldap.LdapTestDirectory;
import io.berth.it.ApiClient;
import io.berth.it.BerthServer;
import io.berth.it.RegistryClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Administration of users and groups in a real browser, checked through the REST API: a new user made
 * administrator, locked out and let in again by a password reset, then signing in in a second browser (where the
 * facade refuses to delete {@code admin}); deleting a user through a confirmation that names them, and the facade's
 * refusal to delete oneself; groups created
 * (LDAP through a search of a directory, HTTP by name), renamed and deleted, their names shown as text; and a user
 * who is not an administrator, refused by the facades on the page and through a forged API request.
 */
class AdminUsersConsoleIT {

    static final BerthServer SERVER = BerthServer.shared();
    /** The shared server's directory settings as they were: none (an empty string is a string setting's default). */
    static final String NO_DIRECTORY = "{\"ldap_url\":\"\",\"ldap_search_dn\":\"\",\"ldap_search_password\":\"\","
            + "\"ldap_base_dn\":\"\",\"ldap_filter\":\"\",\"ldap_uid\":\"\",\"ldap_scope\":2,\"ldap_timeout\":5,"
            + "\"ldap_verify_cert\":true,\"ldap_group_base_dn\":\"\",\"ldap_group_search_filter\":\"\","
            + "\"ldap_group_attribute_name\":\"\",\"ldap_group_admin_dn\":\"\",\"ldap_group_membership_attribute\":\"\","
            + "\"ldap_group_search_scope\":2}";
    static ApiClient admin;

    @BeforeAll
    static void setUp() {
        admin = ApiClient.admin(SERVER);
    }

    @Test
    void anAdministratorCreatesAUserMakesThemAdministratorAndResetsTheirLockedPassword() {
        String username = RegistryClient.uniqueName("console-user");
        String password = "First-Passw0rd";
        String reset = "Second-Passw0rd";
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            UsersPage users = UsersPage.open(browser);
            users.create(username, username + "@example.com", password);
            browser.growl("User " + username + " created");
            JsonObject created = admin.get("/api/v2.0/users?username=" + username).expect(200).array().getJsonObject(0);
            assertEquals(username + "@example.com", created.getString("email"));
            assertFalse(created.getBoolean("sysadmin_flag"));
            long id = created.getJsonNumber("user_id").longValue();

            UsersPage.open(browser).filterByName(username);
            assertEquals(List.of(username), users.names());
            assertEquals("No", users.administrator(username));
            browser.assertAccessible();
            users.toggleAdministrator(username);
            browser.growl(username + " is now an administrator");
            browser.waitUntil(d -> "Yes".equals(users.administrator(username)) ? Boolean.TRUE : null);
            assertTrue(admin.get("/api/v2.0/users/" + id).expect(200).json().getBoolean("sysadmin_flag"));
            browser.screenshot("admin-users-en");

            // Five wrong passwords lock the account; an administrator's reset lets its owner in again.
            ApiClient anonymous = ApiClient.anonymous(SERVER);
            for (int i = 0; i < 5; i++) {
                anonymous.login(username, "Wrong-Passw0rd-" + i).expect(401);
            }
            anonymous.login(username, password).expect(401);
            users.resetPassword(username, reset);
            browser.growl("The password of " + username + " was reset");
            try (Browser second = Browser.open()) {
                second.signIn(username, reset);
                assertEquals(username, second.text(By.id("shell:account_button")));
                assertFalse(second.findAll(By.id("navUsers")).isEmpty(), "an administrator sees the administration menu");
                // Another administrator may try to delete admin: the facade refuses and the page says why.
                UsersPage theirs = UsersPage.open(second).filterByName(BerthServer.ADMIN);
                assertEquals(List.of(BerthServer.ADMIN), theirs.askToDelete(BerthServer.ADMIN));
                theirs.confirmDelete();
                assertTrue(second.growl("the user admin cannot be deleted").contains("You are not allowed to do this"));
            }

            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("用户", browser.text(By.tagName("h1")));
            browser.screenshot("admin-users-zh_CN");
            browser.assertAccessible();
        }
    }

    @Test
    void deletingAUserGoesThroughAConfirmationAndTheFacadeRefusesToDeleteOneself() {
        ApiClient.TestUser doomed = admin.newUser("console-doomed");
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            UsersPage users = UsersPage.open(browser).filterByName(doomed.username());
            assertEquals(List.of(doomed.username()), users.askToDelete(doomed.username()));
            browser.screenshot("admin-users-delete-en");
            users.confirmDelete();
            browser.growl("User " + doomed.username() + " deleted");
            assertEquals(404, admin.get("/api/v2.0/users/" + doomed.id()).status());
            browser.waitUntil(d -> !users.shows(doomed.username()) ? Boolean.TRUE : null);

            users.filterByName(BerthServer.ADMIN);
            assertEquals(List.of(BerthServer.ADMIN), users.askToDelete(BerthServer.ADMIN));
            users.confirmDelete();
            assertTrue(browser.growl("you cannot delete yourself").contains("You are not allowed to do this"));
            admin.get("/api/v2.0/users/current").expect(200);
        }
    }

    @Test
    void groupsAreFoundInTheDirectoryCreatedRenamedAndDeletedWithTheirNamesShownAsText() throws Exception {
        String http = RegistryClient.uniqueName("console-http");
        String renamed = http + "-renamed";
        String hostile = "<img src=x id=injected>" + RegistryClient.uniqueName("x");
        long hostileId = admin.post("/api/v2.0/usergroups",
                Json.createObjectBuilder().add("group_name", hostile).add("group_type", 2).build().toString())
                .expect(201).locationId();
        try (LdapTestDirectory ldap = LdapTestDirectory.plain(); Browser browser = Browser.open()) {
            // The directory's settings are saved, the authentication mode stays the database's.
            JsonObjectBuilder settings = Json.createObjectBuilder();
            ldap.settings().forEach(settings::add);
            admin.configure(settings.build().toString());
            try {
                browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
                GroupsPage groups = GroupsPage.open(browser).startNew(1);
                assertEquals(List.of(LdapTestDirectory.group("team-a")), groups.searchDirectory("team-a"));
                browser.screenshot("admin-groups-new-en");
                groups.useFirstFound();
                browser.waitUntil(d -> LdapTestDirectory.group("team-a").equals(groups.typedDn()) ? Boolean.TRUE : null);
                groups.create();
                browser.growl("Group team-a created");
                JsonObject ldapGroup = admin.get("/api/v2.0/usergroups?ldap_group_dn="
                        + URLEncoder.encode(LdapTestDirectory.group("team-a"), StandardCharsets.UTF_8)).expect(200)
                        .array().getJsonObject(0);
                assertEquals(1, ldapGroup.getInt("group_type"));
                admin.delete("/api/v2.0/usergroups/" + ldapGroup.getJsonNumber("id").longValue()).expect(200);
            } finally {
                admin.configure(NO_DIRECTORY);
            }

            GroupsPage groups = GroupsPage.open(browser).startNew(2).name(http).create();
            browser.growl("Group " + http + " created");
            groups.filterByName(http);
            assertEquals(List.of(http), groups.names());
            assertEquals(List.of("HTTP"), groups.column(2));
            groups.rename(http, renamed);
            browser.growl("Group renamed to " + renamed);
            assertEquals(List.of(renamed), admin.get("/api/v2.0/usergroups?group_name=" + renamed).expect(200).array()
                    .stream().map(v -> v.asJsonObject().getString("group_name")).toList());

            groups = GroupsPage.open(browser).filterByName(hostile.substring(hostile.indexOf('>') + 1));
            assertEquals(List.of(hostile), groups.names(), "a group's name is shown as text");
            assertTrue(browser.findAll(By.id("injected")).isEmpty(), "and never becomes markup");
            browser.screenshot("admin-groups-en");
            browser.assertAccessible();

            groups.filterByName(renamed);
            assertEquals(List.of(renamed), groups.askToDelete(renamed));
            groups.confirmDelete();
            browser.growl("Group " + renamed + " deleted");
            assertEquals(0, admin.get("/api/v2.0/usergroups?group_name=" + renamed).expect(200).array().size());

            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("用户组", browser.text(By.tagName("h1")));
            browser.screenshot("admin-groups-zh_CN");
            browser.assertAccessible();
        } finally {
            admin.delete("/api/v2.0/usergroups/" + hostileId);
        }
    }

    @Test
    void aUserWhoIsNotAnAdministratorSeesNoAdministrationAndIsRefusedByTheFacades() throws Exception {
        ApiClient.TestUser user = admin.newUser("console-plain");
        try (Browser browser = Browser.open()) {
            browser.signIn(user.username(), user.password());
            assertTrue(browser.findAll(By.id("navUsers")).isEmpty(), "no administration menu");
            assertTrue(browser.findAll(By.id("navConfiguration")).isEmpty(), "no administration menu");

            browser.go(UsersPage.PATH);
            assertEquals("You are not allowed to do this", browser.text(By.id("errorTitle")));
            assertTrue(browser.text(By.id("errorDetail")).contains("not allowed to list users"), "the facade's reason");
            assertTrue(browser.findAll(By.id("users:table")).isEmpty(), "no user is listed");
            assertFalse(browser.driver().getPageSource().contains(BerthServer.ADMIN + "@"), "no user data");

            String session = browser.cookie("JSESSIONID").getValue();
            String csrf = browser.cookie("__csrf").getValue();
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    SERVER.base().resolve(ConfigurationPage.PATH)).header("Cookie", "JSESSIONID=" + session).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, page.statusCode(), "the configuration page answers as its facade does");
            assertFalse(page.body().contains("ldapUrl"), "and shows no setting");

            // A forged change from the user's console session (cookie and CSRF token): the facade refuses it.
            ApiClient forged = ApiClient.anonymous(SERVER).with("Cookie", "JSESSIONID=" + session + "; __csrf=" + csrf)
                    .with("X-Harbor-CSRF-Token", csrf);
            forged.get("/api/v2.0/users/current").expect(200);
            assertEquals("FORBIDDEN", forged.put("/api/v2.0/configurations", "{\"session_timeout\":1}").expect(403).errorCode());
            assertEquals("FORBIDDEN", forged.put("/api/v2.0/users/" + user.id() + "/sysadmin",
                    "{\"sysadmin_flag\":true}").expect(403).errorCode());
            assertFalse(admin.get("/api/v2.0/users/" + user.id()).expect(200).json().getBoolean("sysadmin_flag"));
            assertTrue(admin.get("/api/v2.0/configurations").expect(200).json().getJsonObject("session_timeout")
                    .getInt("value") > 1, "nothing changed");
        }
    }
}
