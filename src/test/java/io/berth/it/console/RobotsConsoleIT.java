package io.berth.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.it.ApiClient;
import io.berth.it.BerthServer;
import io.berth.it.CliTool;
import io.berth.it.ClientTools;
import io.berth.it.RegistryClient;
import io.berth.it.TestImages;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Robot accounts in the console, end to end: a Project Admin creates a robot in the wizard, reads its secret once
 * (copy, export to a JSON file), and skopeo pushes and pulls with it; the secret is refreshed, the robot disabled
 * (skopeo is refused), edited and deleted through a confirmation that names it. An administrator creates a system
 * robot whose system permission works through the API. A Guest sees the robots but no button, and a create forged
 * from the Guest's console session is refused by the facade.
 */
class RobotsConsoleIT {

    static final BerthServer SERVER = BerthServer.shared();
    static ApiClient admin;
    static ClientTools tools;
    static CliTool skopeo;
    static TestImages images;

    @BeforeAll
    static void setUp() {
        admin = ApiClient.admin(SERVER);
        tools = ClientTools.forClass(RobotsConsoleIT.class, SERVER.authority());
        skopeo = tools.skopeo();
        images = new TestImages(tools.newDirectory("images"));
    }

    @AfterAll
    static void cleanUp() {
        if (tools != null) {
            tools.cleanUp();
        }
    }

    @Test
    void aProjectAdminCreatesARobotWhoseSecretPushesAndPullsUntilItIsDisabledAndDeleted() throws IOException {
        ApiClient.TestUser owner = admin.newUser("robot-owner");
        String project = RegistryClient.uniqueName("robots-console");
        long projectId = owner.client().createProject(project, false);
        String description = "pipeline of <b>team</b>";
        try (Browser browser = Browser.open()) {
            browser.signIn(owner.username(), owner.password());
            RobotsPage robots = RobotsPage.openProjectTab(browser, project);
            robots.startNew().name("ci").description(description).days(30).next();
            robots.tick("repository:pull").tick("repository:push");
            browser.screenshot("robots-wizard-en");
            RobotsPage.Secret shown = robots.finish();
            String name = "robot$" + project + "+ci";
            assertEquals(name, shown.name());
            assertTrue(shown.secret().length() >= 8, "a secret is shown");
            browser.screenshot("robots-secret-en");

            JsonObject exported = json(Files.readString(robots.downloadSecret(tools.newDirectory("download"))));
            assertEquals(name, exported.getString("name"));
            assertEquals(shown.secret(), exported.getString("secret"));
            robots.closeSecret();
            assertFalse(robots.html().contains(shown.secret()), "the secret left the page with its dialog");

            assertEquals(List.of(name), robots.names());
            assertEquals("Enabled", robots.cell(name, "status"));
            assertEquals("Repository: pull, push", robots.cell(name, "permissions"));
            assertEquals("30 days", robots.cell(name, "expires"));
            assertEquals(description, robots.cell(name, "description"), "user text renders as text");
            assertTrue(browser.findAll(By.cssSelector("tbody[id='robots:table_data'] b")).isEmpty());
            browser.screenshot("robots-tab-en");
            browser.assertAccessible();

            JsonObject stored = robot(projectId, name);
            assertEquals(description, stored.getString("description"));
            assertEquals(30, stored.getInt("duration"));
            assertEquals(List.of("pull", "push"), stored.getJsonArray("permissions").getJsonObject(0)
                    .getJsonArray("access").getValuesAs(JsonObject.class).stream().map(a -> a.getString("action")).sorted().toList());

            // The secret works with a real client, and no later render shows it.
            TestImages.Layout image = images.singlePlatform("console-robot", "v1", 1);
            skopeo.ok("copy", "--dest-tls-verify=false", "--dest-creds", name + ":" + shown.secret(), image.reference("v1"),
                    tools.docker(project + "/app:v1"));
            TestImages.Layout back = new TestImages.Layout(tools.newDirectory("pulled"));
            skopeo.ok("copy", "--src-tls-verify=false", "--src-creds", name + ":" + shown.secret(),
                    tools.docker(project + "/app:v1"), back.reference("v1"));
            assertEquals(image.manifestDigest("v1"), back.manifestDigest("v1"));
            robots = RobotsPage.openProjectTab(browser, project);
            assertFalse(robots.html().contains(shown.secret()), "a fresh page never shows the secret");

            // A refreshed secret replaces the old one at once; closing its dialog with the corner button drops it too.
            RobotsPage.Secret refreshed = robots.refresh(name, null);
            assertNotEquals(shown.secret(), refreshed.secret());
            robots.closeSecretWithX();
            assertFalse(robots.html().contains(refreshed.secret()));
            skopeo.ok("inspect", "--raw", "--tls-verify=false", "--creds", name + ":" + refreshed.secret(),
                    tools.docker(project + "/app:v1"));
            assertRefused(skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds", name + ":" + shown.secret(),
                    tools.docker(project + "/app:v1")));

            // Disabled, the robot is refused by the registry.
            robots.toggle(name);
            browser.growl("disabled");
            assertEquals("Disabled", robots.cell(name, "status"));
            assertTrue(robot(projectId, name).getBoolean("disable"));
            assertRefused(skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", name + ":" + refreshed.secret(),
                    image.reference("v1"), tools.docker(project + "/app:v2")));

            // Edited: the description changes, the permissions stay, the robot stays disabled.
            robots.edit(name);
            assertEquals(description, browser.find(By.id("robotWizard:description")).getAttribute("value"));
            robots.description("nightly builds").next();
            assertTrue(robots.ticked("repository:push"), "the wizard shows the robot's permissions");
            robots.save();
            JsonObject edited = robot(projectId, name);
            assertEquals("nightly builds", edited.getString("description"));
            assertTrue(edited.getBoolean("disable"));
            assertEquals(2, edited.getJsonArray("permissions").getJsonObject(0).getJsonArray("access").size());

            speakChinese(browser);
            // The language menu loses the page's query (a bug of the shared shell): the tab is opened again.
            RobotsPage.openProjectTab(browser, project);
            assertEquals("机器人账户", browser.text(By.cssSelector(".tab-content h2")));
            browser.screenshot("robots-tab-zh_CN");

            assertEquals(List.of(name), robots.askDelete(name));
            browser.screenshot("robots-delete-confirmation-zh_CN");
            robots.confirmDelete();
            browser.growl("已删除机器人账户");
            assertEquals(List.of(), robots.names());
            assertEquals(0, robots(projectId).size(), "deleted for real");
        }
    }

    @Test
    void anAdministratorCreatesASystemRobotWhoseSystemPermissionWorks() {
        String project = RegistryClient.uniqueName("robots-system");
        String other = RegistryClient.uniqueName("robots-other");
        admin.createProject(project, false);
        admin.createProject(other, false);
        String shortName = RegistryClient.uniqueName("ops");
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            RobotsPage robots = RobotsPage.openSystem(browser);
            robots.startNew().name(shortName).never().next();
            robots.tick("user:list").next();
            robots.chooseProject(project).tick("repository:list");
            browser.screenshot("robots-system-wizard-en");
            browser.assertAccessible();
            RobotsPage.Secret shown = robots.finish();
            String name = "robot$" + shortName;
            assertEquals(name, shown.name());
            robots.closeSecret();

            robots.filter(shortName);
            assertEquals(List.of(name), robots.names());
            assertEquals("User: list", robots.cell(name, "systemPermissions"));
            assertTrue(robots.cell(name, "projects").startsWith(project), robots.cell(name, "projects"));
            assertEquals("Never", robots.cell(name, "expires"));
            browser.screenshot("robots-system-en");
            browser.assertAccessible();

            ApiClient robot = ApiClient.basic(SERVER, name, shown.secret());
            robot.get("/api/v2.0/users").expect(200);
            robot.get("/api/v2.0/projects/" + project + "/repositories").expect(200);
            assertTrue(List.of(403, 404).contains(robot.get("/api/v2.0/projects/" + other + "/repositories").status()),
                    "only in the chosen project");
            assertEquals(403, robot.get("/api/v2.0/quotas").status(), "only the system permission that was ticked");
            JsonObject stored = admin.get("/api/v2.0/robots?q=" + query("name=" + name)).array().getJsonObject(0);
            assertEquals("system", stored.getString("level"));
            assertEquals(-1, stored.getInt("duration"));

            speakChinese(browser);
            browser.find(By.id("robots:table"));
            browser.screenshot("robots-system-zh_CN");
            admin.delete("/api/v2.0/robots/" + stored.getJsonNumber("id").longValue()).expect(200);
        }
    }

    @Test
    void aGuestSeesTheRobotsWithoutButtonsAndACreateForgedFromItsSessionIsRefused() {
        String project = RegistryClient.uniqueName("robots-guest");
        long projectId = admin.createProject(project, false);
        ApiClient.TestUser guest = admin.newUser("robot-guest");
        admin.addMember(project, guest.id(), ApiClient.GUEST);
        admin.post("/api/v2.0/robots", createBody("existing", project)).expect(201);
        try (Browser browser = Browser.open()) {
            browser.signIn(guest.username(), guest.password());
            RobotsPage robots = RobotsPage.openProjectTab(browser, project);
            assertEquals(List.of("robot$" + project + "+existing"), robots.names());
            assertFalse(robots.hasNewButton(), "a Guest gets no create button");
            assertEquals(0, robots.rowButtons(), "nor any button on a robot");

            String session = browser.cookie("JSESSIONID").getValue();
            String csrf = browser.cookie("__csrf").getValue();
            ApiClient forged = ApiClient.anonymous(SERVER).with("Cookie", "JSESSIONID=" + session + "; __csrf=" + csrf)
                    .with("X-Harbor-CSRF-Token", csrf);
            forged.get("/api/v2.0/robots?q=" + query("Level=project,ProjectID=" + projectId)).expect(200);
            ApiClient.Response create = forged.post("/api/v2.0/robots", createBody("forged", project));
            assertEquals(403, create.status(), create.body());
            assertEquals(1, robots(projectId).size(), "nothing was created");

            browser.go("/console/admin/robots");
            assertTrue(browser.findAll(By.id("robots:table")).isEmpty(), "the system robots are the administrators'");
            assertFalse(browser.text(By.id("errorTitle")).isBlank());
        }
    }

    /** The client failed because Berth said no, not for some other reason. */
    private static void assertRefused(CliTool.Result result) {
        assertNotEquals(0, result.exitCode(), result.describe());
        String said = (result.stderr() + result.stdout()).toLowerCase(Locale.ROOT);
        assertTrue(said.contains("unauthorized") || said.contains("authentication required") || said.contains("denied"),
                "refused for lack of rights\n" + result.describe());
    }

    private static String createBody(String name, String project) {
        return Json.createObjectBuilder().add("name", name).add("level", "project").add("duration", -1)
                .add("permissions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind", "project")
                        .add("namespace", project).add("access", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("resource", "repository").add("action", "pull")))))
                .build().toString();
    }

    private static JsonArray robots(long projectId) {
        return admin.get("/api/v2.0/robots?q=" + query("Level=project,ProjectID=" + projectId)).expect(200).array();
    }

    private static JsonObject robot(long projectId, String name) {
        return robots(projectId).getValuesAs(JsonObject.class).stream().filter(r -> r.getString("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no robot " + name));
    }

    private static String query(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static void speakChinese(Browser browser) {
        browser.click(By.id("shell:language_button"));
        browser.click(By.id("shell:langZh"));
        browser.waitUntil(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")) ? Boolean.TRUE : null);
    }

    static void speakEnglish(Browser browser) {
        browser.click(By.id("shell:language_button"));
        browser.click(By.id("shell:langEn"));
    }
}
