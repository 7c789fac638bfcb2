package io.berth.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.it.ApiClient;
import io.berth.it.BerthServer;
import io.berth.it.RegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's frame in a real browser: the root URL, signing in and out (sharing the REST API's session),
 * the projects page with its statistics, creating and bulk-deleting projects, Chinese, the dark theme,
 * accessibility, and the security headers of every page.
 */
class ConsoleShellIT {

    static final BerthServer SERVER = BerthServer.shared();
    static ApiClient admin;

    @BeforeAll
    static void setUp() {
        admin = ApiClient.admin(SERVER);
    }

    @Test
    void theRootUrlShowsPublicProjectsToAnonymousVisitorsWithASignInLink() {
        String privateProject = RegistryClient.uniqueName("console-hidden");
        admin.createProject(privateProject, false);
        try (Browser browser = Browser.open()) {
            browser.go("/");
            assertEquals("/console/projects/list", browser.path());
            ProjectListPage projects = new ProjectListPage(browser);
            browser.find(By.id("projects:table"));
            assertTrue(projects.names().contains("library"), "the public project library is listed");
            assertFalse(projects.filterByName("console-hidden").names().contains(privateProject),
                    "a private project stays hidden from anonymous visitors");
            assertEquals("Sign in", browser.text(By.id("shell:signIn")));
            assertTrue(browser.findAll(By.id("statTotalProjects")).isEmpty(), "statistics are for signed-in users");
            assertTrue(browser.findAll(By.id("projects:newProject")).isEmpty(), "anonymous visitors create nothing");
            browser.screenshot("projects-list-anonymous-en");
            browser.assertAccessible();
        }
    }

    @Test
    void signingInOpensTheSameSessionAsTheApiAndSigningOutEndsIt() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.go("/console/admin/users");
            assertTrue(browser.path().startsWith("/console/account/sign-in?continue="), browser.path());
            browser.screenshot("sign-in-en");
            browser.assertAccessible();

            browser.type(By.id("signInForm:principal"), BerthServer.ADMIN);
            browser.type(By.id("signInForm:password"), "not-the-password");
            browser.click(By.id("signInForm:signIn"));
            assertTrue(browser.growl("Invalid user name or password").contains("Invalid user name or password"));

            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            assertEquals("admin", browser.text(By.id("shell:account_button")));

            // The console's session is a session of the REST API too: the same cookie reads /users/current.
            Cookie session = browser.cookie("JSESSIONID");
            assertNotNull(session, "the console keeps its session in the JSESSIONID cookie");
            HttpResponse<String> current = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            SERVER.base().resolve("/api/v2.0/users/current"))
                    .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, current.statusCode(), current.body());
            assertTrue(current.body().contains("\"username\":\"admin\""), current.body());
            assertTrue(session.isHttpOnly(), "scripts never see the session id");

            browser.click(By.id("shell:account_button"));
            browser.clickAndLoad(By.id("shell:signOut"));
            assertEquals("/console/account/sign-in", browser.path());
            HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            SERVER.base().resolve("/api/v2.0/users/current"))
                    .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, after.statusCode(), "signing out ends the session for the API as well");
        }
    }

    @Test
    void fiveFailedSignInsLockTheAccountAsTheApiDoes() {
        ApiClient.TestUser victim = admin.newUser("console-locked");
        try (Browser browser = Browser.open()) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                browser.go("/console/account/sign-in");
                browser.type(By.id("signInForm:principal"), victim.username());
                browser.type(By.id("signInForm:password"), "Wrong-Passw0rd-" + attempt);
                browser.click(By.id("signInForm:signIn"));
                browser.growl("Invalid user name or password");
            }
            browser.signIn(victim.username(), victim.password());
            assertTrue(browser.path().startsWith("/console/account/sign-in"), "the right password is refused while locked");
            browser.growl("Invalid user name or password");
        }
        assertEquals(401, victim.client().get("/api/v2.0/users/current").status(), "the lock holds for the API too");
    }

    @Test
    void anAdministratorCreatesProjectsAndDeletesSeveralAfterAConfirmationThatNamesThem() {
        String first = RegistryClient.uniqueName("console-a");
        String second = RegistryClient.uniqueName("console-b");
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            ProjectListPage projects = ProjectListPage.open(browser);
            long before = Long.parseLong(projects.statistic("statTotalProjects"));
            projects.create(first, false).create(second, true);
            assertEquals(List.of(first, second), projects.filterByName("console-").names().stream()
                    .filter(n -> n.equals(first) || n.equals(second)).sorted().toList());
            assertEquals(before + 2, Long.parseLong(ProjectListPage.open(browser).statistic("statTotalProjects")));
            assertEquals(200, admin.get("/api/v2.0/projects/" + second).status(), "created for real");
            assertEquals("true", admin.get("/api/v2.0/projects/" + second).json().getJsonObject("metadata").getString("public"));

            projects = ProjectListPage.open(browser).filterByName("console-");
            projects.select(first, second);
            assertEquals(List.of(first, second), projects.askToDelete().stream().sorted().toList());
            browser.screenshot("projects-delete-confirmation-en");
            projects.confirmDelete();
            browser.growl("2 projects deleted");
            assertEquals(404, admin.get("/api/v2.0/projects/" + first).status());
            assertEquals(404, admin.get("/api/v2.0/projects/" + second).status());
        }
    }

    @Test
    void theConsoleSpeaksChineseAndTurnsDarkAndRemembersBoth() {
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            ProjectListPage.open(browser);
            browser.screenshot("projects-list-en");
            browser.assertAccessible();
            browser.click(By.id("shell:language_button"));
            browser.clickAndLoad(By.id("shell:langZh"));
            assertEquals("项目", browser.text(By.tagName("h1")));
            assertEquals("zh-CN", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
            browser.screenshot("projects-list-zh_CN");
            browser.assertAccessible();

            browser.clickAndLoad(By.id("shell:theme"));
            assertTrue(browser.driver().findElement(By.tagName("body")).getAttribute("class").contains("berth-dark"));
            ProjectListPage.open(browser);
            assertEquals("项目", browser.text(By.tagName("h1")), "the language stays chosen");
            assertTrue(browser.driver().findElement(By.tagName("body")).getAttribute("class").contains("berth-dark"),
                    "the theme stays chosen");
            browser.screenshot("projects-list-dark-zh_CN");
            browser.assertAccessible();
        }
    }

    @Test
    void thePageSizeFollowsTheUserToAnotherBrowserAndStaysTheirsInASharedOne() {
        ApiClient.TestUser alice = admin.newUser("console-rows");
        ApiClient.TestUser bob = admin.newUser("console-rows");
        try (Browser first = Browser.open()) {
            first.signIn(alice.username(), alice.password());
            ProjectListPage.open(first);
            new Select(first.find(By.cssSelector("select.ui-paginator-rpp-options"))).selectByValue("25");
            first.waitReady();
            assertEquals("25", rowsChosen(ProjectListPage.open(first).browser()), "the choice holds on the next visit");

            try (Browser second = Browser.open()) {
                second.signIn(alice.username(), alice.password());
                assertEquals("25", rowsChosen(ProjectListPage.open(second).browser()),
                        "alice's page size follows her to a browser she never used");
            }

            first.click(By.id("shell:account_button"));
            first.clickAndLoad(By.id("shell:signOut"));
            first.signIn(bob.username(), bob.password());
            assertEquals("15", rowsChosen(ProjectListPage.open(first).browser()),
                    "bob, on the browser alice used, has his own (the default)");
        }
    }

    private static String rowsChosen(Browser browser) {
        return new Select(browser.find(By.cssSelector("select.ui-paginator-rpp-options"))).getFirstSelectedOption()
                .getAttribute("value");
    }

    @Test
    void everyConsolePageForbidsFramingAndInlineScripts() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                SERVER.base().resolve("/console/projects/list")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=]+'.*"), policy);
        assertFalse(policy.contains("unsafe-inline';") && policy.contains("script-src 'self' 'unsafe-inline'"), policy);
        assertFalse(page.body().matches("(?s).*\\son(click|change|load)=\".*"), "no inline event handlers");
        assertEquals("/console/projects/list", URI.create(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                SERVER.base().resolve("/")).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Location").orElse("/")).getPath());
    }
}
