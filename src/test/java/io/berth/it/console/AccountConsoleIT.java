package io.berth.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.it.ApiClient;
import io.berth.it.BerthServer;
import io.berth.it.RegistryClient;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * One's own account in a real browser (profile, password, preferences, signing up), the global search with tags,
 * and the about page: every change checked through the REST API as well, and every refusal the facade's.
 */
class AccountConsoleIT {

    static final BerthServer SERVER = BerthServer.shared();
    static ApiClient admin;

    @BeforeAll
    static void setUp() {
        admin = ApiClient.admin(SERVER);
    }

    @Test
    void aUserEditsTheProfileAndChangesThePasswordThenSignsInWithTheNewOne() {
        ApiClient.TestUser user = admin.newUser("console-pw");
        String fresh = "Fresh-Passw0rd-" + user.id();
        try (Browser browser = Browser.open()) {
            browser.signIn(user.username(), user.password());
            AccountPage profile = AccountPage.profile(browser);
            assertEquals(user.username(), browser.text(By.id("username")));
            profile.saveProfile("new-" + user.username() + "@example.com", "<i>Ann</i> Smith", "likes <script>tags</script>");
            JsonObject stored = admin.get("/api/v2.0/users/" + user.id()).expect(200).json();
            assertEquals("<i>Ann</i> Smith", stored.getString("realname"));
            assertEquals("new-" + user.username() + "@example.com", stored.getString("email"));
            AccountPage.profile(browser);
            assertEquals("<i>Ann</i> Smith", browser.find(By.id("profileForm:realname")).getAttribute("value"));
            browser.screenshot("account-profile-en");
            browser.assertAccessible();

            AccountPage password = AccountPage.password(browser);
            browser.screenshot("account-password-en");
            browser.assertAccessible();
            password.changePassword("Not-the-passw0rd", fresh, fresh);
            assertTrue(browser.growl("the current password is incorrect").contains("You are not allowed to do this"));
            password.changePassword(user.password(), "short", "short");
            assertTrue(browser.growl("8 to 128 characters").contains("The request was not valid"),
                    "the facade's password policy, word for word");
            password.changePassword(user.password(), fresh, fresh + "x");
            browser.growl("The two new passwords differ");
            password.changePassword(user.password(), fresh, fresh);
            browser.growl("Password changed");
            assertEquals(401, admin.as(user.username(), user.password()).get("/api/v2.0/users/current").status());
            assertEquals(200, admin.as(user.username(), fresh).get("/api/v2.0/users/current").status());

            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("修改密码", browser.text(By.tagName("h1")));
            browser.screenshot("account-password-zh_CN");
            AccountPage.profile(browser);
            browser.screenshot("account-profile-zh_CN");
        }
        try (Browser browser = Browser.open()) {
            browser.signIn(user.username(), fresh);
            assertEquals(user.username(), browser.text(By.id("shell:account_button")), "signed in with the new password");
        }
    }

    @Test
    void isoDatesChosenInThePreferencesShowEverywhere() {
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            AccountPage preferences = AccountPage.preferences(browser);
            assertFalse(preferences.dateExample().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"),
                    "the language's own format first: " + preferences.dateExample());
            browser.screenshot("account-preferences-en");
            browser.assertAccessible();
            preferences.dateFormat("iso").savePreferences();
            browser.growl("Preferences saved");
            assertTrue(preferences.dateExample().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), preferences.dateExample());
            AccountPage.profile(browser);
            assertTrue(browser.text(By.id("created")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"),
                    "other pages too: " + browser.text(By.id("created")));

            AccountPage.preferences(browser);
            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("偏好设置", browser.text(By.tagName("h1")));
            browser.screenshot("account-preferences-zh_CN");
        }
    }

    @Test
    void signingUpWorksOnlyWhileSelfRegistrationIsOn() {
        String username = RegistryClient.uniqueName("console-signup");
        try (Browser browser = Browser.open()) {
            SignUpPage closed = SignUpPage.open(browser);
            assertTrue(closed.saysClosed());
            assertFalse(closed.isOpen(), "no form while self-registration is off");
            ApiClient.Response forged = ApiClient.anonymous(SERVER).post("/api/v2.0/users", ApiClient.userJson(username, "Pw-Signup-1a"));
            assertTrue(forged.status() == 401 || forged.status() == 403, forged.status() + " " + forged.body());

            admin.configure("{\"self_registration\":true}");
            try {
                SignUpPage open = SignUpPage.open(browser);
                assertTrue(open.isOpen());
                browser.screenshot("account-sign-up-en");
                browser.assertAccessible();
                open.signUp(username, username + "@example.com", "Sign Up", "Pw-Signup-1a");
                browser.growl("Account " + username + " created");
                assertTrue(browser.path().startsWith("/console/account/sign-in"), browser.path());
                assertEquals(1, admin.get("/api/v2.0/users?q=username%3D" + username).expect(200).array().size());
                browser.signIn(username, "Pw-Signup-1a");
                assertEquals(username, browser.text(By.id("shell:account_button")));
                browser.click(By.id("shell:account_button"));
                browser.click(By.id("shell:signOut"));

                SignUpPage.open(browser);
                browser.click(By.id("shell:language_button"));
                browser.click(By.id("shell:langZh"));
                assertEquals("注册", browser.text(By.tagName("h1")));
                browser.screenshot("account-sign-up-zh_CN");
            } finally {
                admin.configure("{\"self_registration\":false}");
            }
        }
    }

    @Test
    void theSearchFindsTagsAmongWhatTheVisitorMaySee() {
        String token = RegistryClient.uniqueName("srch");
        RegistryClient registry = new RegistryClient(SERVER);
        String publicRepository = "library/" + token + "-app";
        registry.pushImage(publicRepository, "rel-" + token, token + "public");
        String hidden = token + "-private";
        admin.createProject(hidden, false);
        registry.pushImage(hidden + "/app", "rel-" + token + "-secret", token + "private");

        try (Browser browser = Browser.open()) {
            browser.go("/console/projects/list");
            SearchPage anonymous = SearchPage.search(browser, token);
            assertEquals(List.of("rel-" + token), anonymous.names("tags"), "only the public project's tag");
            assertEquals(List.of(publicRepository), anonymous.names("repositories"));
            assertTrue(anonymous.names("projects").isEmpty(), "the private project stays hidden");

            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            SearchPage search = SearchPage.search(browser, token);
            assertEquals(List.of("rel-" + token, "rel-" + token + "-secret"), search.names("tags"));
            assertEquals(List.of(hidden), search.names("projects"));
            String href = search.links("tags").get(0).getAttribute("href");
            assertTrue(href.endsWith("/console/artifacts/artifact?project=library&repository=" + token
                    + "-app&reference=rel-" + token), href);
            assertTrue(search.links("repositories").get(0).getAttribute("href")
                    .endsWith("/console/repositories/repository?project=library&name=" + token + "-app"));
            assertTrue(search.links("projects").get(0).getAttribute("href").endsWith("/console/projects/project?name=" + hidden));
            assertEquals(2, admin.get("/api/v2.0/search?q=" + token).expect(200).json().getJsonArray("tag").size(),
                    "the API's search finds the same tags");
            browser.screenshot("search-en");
            browser.assertAccessible();

            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("搜索", browser.text(By.tagName("h1")));
            browser.screenshot("search-zh_CN");
        }
    }

    @Test
    void theAboutPageShowsTheVersionSystemInfoReportsToSignedInUsersOnly() {
        String reported = admin.get("/api/v2.0/systeminfo").expect(200).json().getString("harbor_version");
        try (Browser browser = Browser.open()) {
            AboutPage anonymous = AboutPage.open(browser);
            assertNull(anonymous.apiVersion(), "anonymous visitors learn no version, as from /systeminfo");
            assertTrue(anonymous.openApiHref().endsWith("/openapi"));

            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            AboutPage about = AboutPage.open(browser);
            assertEquals(reported, about.apiVersion());
            assertFalse(about.berthVersion().isBlank());
            browser.screenshot("about-en");
            browser.assertAccessible();
            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("关于 Berth", browser.text(By.tagName("h1")));
            browser.screenshot("about-zh_CN");
        }
    }
}
