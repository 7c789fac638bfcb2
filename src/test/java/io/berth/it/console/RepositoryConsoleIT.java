package io.berth.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.it.ApiClient;
import io.berth.it.BerthServer;
import io.berth.it.ClientTools;
import io.berth.it.RegistryClient;
import io.berth.it.TestImages;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The repository page in a real browser: an image pushed with skopeo and a multi-platform index show with their
 * tags, platforms, sizes and pull commands; tags and artifacts go only through confirmations that name them; copies
 * and labels; a description in Markdown and a label name with HTML render as text; a Guest gets no delete button and
 * a delete forged with the Guest's session is refused; anonymous visitors browse public repositories only.
 * Every outcome is checked through the API as well.
 */
class RepositoryConsoleIT {

    static final BerthServer SERVER = BerthServer.shared();
    static final String REPOSITORY = "team/app";
    static ApiClient admin;
    static String project;
    static long imageId;
    static long indexId;
    static String imageDigest;
    static JsonObject image;

    @BeforeAll
    static void pushAnImageAndAnIndexWithSkopeo() {
        admin = ApiClient.admin(SERVER);
        project = RegistryClient.uniqueName("console-repo");
        admin.createProject(project, true);
        ClientTools tools = ClientTools.forClass(RepositoryConsoleIT.class, SERVER.authority());
        tools.login(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
        TestImages images = new TestImages(tools.newDirectory("images"));
        TestImages.Layout single = images.singlePlatform("single", "v1", 1);
        tools.skopeo().ok("copy", "--dest-tls-verify=false", single.reference("v1"), tools.docker(project + "/" + REPOSITORY + ":v1"));
        TestImages.Layout index = images.multiPlatform("index", "multi", List.of("amd64", "arm64"));
        tools.skopeo().ok("copy", "--all", "--dest-tls-verify=false", index.reference("multi"),
                tools.docker(project + "/" + REPOSITORY + ":multi"));
        imageDigest = single.manifestDigest("v1");
        image = artifact(project, REPOSITORY, imageDigest);
        imageId = image.getJsonNumber("id").longValue();
        indexId = artifact(project, REPOSITORY, index.manifestDigest("multi")).getJsonNumber("id").longValue();
    }

    @Test
    void pushedImagesShowWithTagsPlatformsSizesAndPullCommandsAndTheChosenColumns() {
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            RepositoryPage page = RepositoryPage.open(browser, project, REPOSITORY);
            assertEquals(List.of(indexId, imageId), page.rowIds(), "newest push first; the index children are inside it");
            assertEquals(List.of("v1"), page.tags(imageId));
            assertEquals(List.of("linux/amd64"), page.platforms(imageId));
            assertEquals(human(image.getJsonNumber("size").longValue()), page.size(imageId));
            assertEquals(List.of("multi"), page.tags(indexId));
            assertEquals(List.of("linux/amd64", "linux/arm64"), page.platforms(indexId));
            String ref = SERVER.authority() + "/" + project + "/" + REPOSITORY;
            assertEquals("docker pull " + ref + ":v1", page.pullByTag(imageId));
            assertEquals("docker pull " + ref + "@" + imageDigest, page.pullByDigest(imageId));
            assertEquals("podman pull " + ref + ":v1", page.pullWith("podman").pullByTag(imageId));
            browser.screenshot("repository-en");
            browser.assertAccessible();

            assertEquals(List.of(), page.filterByType("CHART").rowIds(), "the type filter asks the server: no Helm charts here");
            assertEquals(List.of(indexId, imageId), page.filterByType("IMAGE").rowIds());
            assertEquals(List.of(), page.filterByType("").filterByTags("untagged").rowIds());
            assertEquals(List.of(indexId, imageId), page.filterByTags("tagged").rowIds());

            assertTrue(page.columnShown("size"));
            page.toggleColumn("Size");
            assertFalse(page.columnShown("size"), "the chooser hides the column");
            page = RepositoryPage.open(browser, project, REPOSITORY);
            assertFalse(page.columnShown("size"), "the choice is remembered for the next visit");
            assertTrue(page.columnShown("tags"));
            assertEquals("podman pull " + ref + ":v1", page.pullByTag(imageId), "and so is the pull command's client");
            page.toggleColumn("Size");
            assertTrue(page.columnShown("size"));

            assertEquals(List.of("linux/amd64", "linux/arm64"), page.expand(indexId));
            browser.screenshot("repository-expanded-en");
            page.openChild("linux/arm64");
            assertEquals("linux/arm64", new ArtifactPage(browser).platform());

            RepositoryPage.open(browser, project, REPOSITORY);
            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("制品", browser.text(By.id("artifactsTitle")));
            browser.screenshot("repository-zh_CN");
            browser.assertAccessible();
        }
    }

    @Test
    void tagsAndArtifactsGoOnlyThroughConfirmationsThatNameThemAndCopiesArriveTagged() {
        String path = "/api/v2.0/projects/" + project + "/repositories/" + encoded(REPOSITORY) + "/artifacts/";
        RegistryClient.Image pushed = new RegistryClient(SERVER).pushImage(project + "/" + REPOSITORY, "rm-1", "confirm me");
        admin.post(path + pushed.digest() + "/tags", "{\"name\":\"rm-2\"}").expect(201);
        long id = admin.get(path + pushed.digest()).expect(200).json().getJsonNumber("id").longValue();
        String target = RegistryClient.uniqueName("console-copy");
        admin.createProject(target, false);
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            RepositoryPage page = RepositoryPage.open(browser, project, REPOSITORY);
            assertEquals(List.of("rm-1", "rm-2"), page.tags(id));

            page.select(id).copyTo(target, "copied/app", "c1");
            browser.growl("Copied to " + target + "/copied/app");
            assertEquals(pushed.digest(), admin.get("/api/v2.0/projects/" + target + "/repositories/"
                    + encoded("copied/app") + "/artifacts/c1").expect(200).json().getString("digest"));

            page = RepositoryPage.open(browser, project, REPOSITORY);
            assertEquals(List.of("rm-1", "rm-2"), page.select(id).removeTag("rm-2"), "the dialog offers the artifact's tags");
            browser.growl("Tag rm-2 removed");
            assertEquals(List.of("rm-1"), admin.get(path + pushed.digest() + "/tags").expect(200).array().stream()
                    .map(t -> t.asJsonObject().getString("name")).toList());
            assertEquals(List.of("rm-1"), page.tags(id));

            List<String> named = page.select(id).askToDelete();
            assertEquals(List.of(pushed.digest(), "rm-1"), named, "the confirmation names the artifact and every tag it takes along");
            browser.screenshot("repository-delete-confirmation-en");
            page.confirmDelete();
            browser.growl("One artifact deleted");
            assertEquals(404, admin.get(path + pushed.digest()).status());
            assertFalse(page.rowIds().contains(id));
            assertEquals(200, admin.get(path + imageDigest).status(), "only the selected artifact went");
        }
    }

    @Test
    void labelNamesAndDescriptionsRenderAsTextNeverAsHtml() {
        String xss = "<img src=x onerror=alert(1)>";
        long projectId = admin.get("/api/v2.0/projects/" + project).expect(200).json().getJsonNumber("project_id").longValue();
        long labelId = admin.post("/api/v2.0/labels", "{\"name\":\"" + xss + "\",\"scope\":\"p\",\"project_id\":"
                + projectId + ",\"color\":\"#c62828\"}").expect(201).locationId();
        String markdown = "Built *fast* for **everyone**.\n\n<script>alert(1)</script> <b>raw</b>\n\n"
                + "[docs](https://example.com/docs) [bad](javascript:alert(1))";
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            RepositoryPage page = RepositoryPage.open(browser, project, REPOSITORY);
            page.select(imageId).addLabel(xss);
            browser.growl("One label added");
            assertTrue(artifact(project, REPOSITORY, imageDigest + "?with_label=true").getJsonArray("labels").stream()
                    .anyMatch(l -> l.asJsonObject().getJsonNumber("id").longValue() == labelId), "attached for real");
            assertEquals(List.of(xss), page.labels(imageId), "the label's name shows as the text it is");
            assertTrue(browser.findAll(By.cssSelector("tbody[id='artifacts:table_data'] img")).isEmpty(), "no img element");

            page.filterByLabel(xss);
            assertEquals(List.of(imageId), page.rowIds(), "the label filter asks the server for labelled artifacts only");

            page.editDescription(markdown);
            browser.growl("Description saved");
            assertEquals(markdown, admin.get("/api/v2.0/projects/" + project + "/repositories/" + encoded(REPOSITORY))
                    .expect(200).json().getString("description"));
            WebElement description = RepositoryPage.open(browser, project, REPOSITORY).description();
            assertEquals("fast", description.findElement(By.tagName("em")).getText(), "Markdown emphasis renders");
            assertTrue(description.findElements(By.tagName("script")).isEmpty());
            assertTrue(description.findElements(By.tagName("b")).isEmpty());
            assertTrue(description.getText().contains("<script>alert(1)</script> <b>raw</b>"), description.getText());
            assertEquals("https://example.com/docs", description.findElement(By.linkText("docs")).getAttribute("href"));
            assertTrue(description.findElements(By.linkText("bad")).isEmpty(), "no javascript: link");
            browser.screenshot("repository-description-en");
        }
    }

    @Test
    void aGuestSeesNoDeleteButtonAndADeleteForgedWithTheGuestsSessionIsRefused() {
        String secret = RegistryClient.uniqueName("console-private");
        admin.createProject(secret, false);
        RegistryClient.Image pushed = new RegistryClient(SERVER).pushImage(secret + "/app", "v1", "guest sees me");
        ApiClient.TestUser guest = admin.newUser("console-guest");
        admin.addMember(secret, guest.id(), ApiClient.GUEST);
        String artifactPath = "/api/v2.0/projects/" + secret + "/repositories/app/artifacts/" + pushed.digest();
        try (Browser browser = Browser.open()) {
            browser.signIn(guest.username(), guest.password());
            RepositoryPage page = RepositoryPage.open(browser, secret, "app");
            assertEquals(1, page.rowIds().size(), "the Guest reads the artifacts");
            assertFalse(page.hasButton("artifacts:delete"), "no delete button for a Guest");
            assertFalse(page.hasButton("artifacts:addTag"));
            assertFalse(page.hasButton("info:edit"));
            ArtifactPage artifact = ArtifactPage.open(browser, secret, "app", "v1");
            assertFalse(artifact.hasButton("removeTag"), "no remove-tag button either");
            assertFalse(artifact.hasButton("tags:addTag"));

            Cookie session = browser.cookie("JSESSIONID");
            Cookie csrf = browser.cookie("__csrf");
            ApiClient forged = ApiClient.anonymous(SERVER)
                    .with("Cookie", "JSESSIONID=" + session.getValue() + "; __csrf=" + csrf.getValue())
                    .with("X-Harbor-CSRF-Token", csrf.getValue());
            ApiClient.Response refused = forged.delete(artifactPath);
            assertEquals(403, refused.status(), refused.body());
            assertTrue(refused.body().contains("not allowed to delete artifact"), "refused by the permission, not the CSRF check: "
                    + refused.body());
            assertEquals(200, admin.get(artifactPath).status(), "the artifact is still there");
        }
    }

    @Test
    void anonymousVisitorsBrowsePublicRepositoriesAndAreRefusedPrivateOnes() {
        String secret = RegistryClient.uniqueName("console-hidden");
        admin.createProject(secret, false);
        new RegistryClient(SERVER).pushImage(secret + "/app", "v1", "nobody sees me");
        try (Browser browser = Browser.open()) {
            RepositoryPage page = RepositoryPage.open(browser, project, REPOSITORY);
            assertTrue(page.rowIds().contains(imageId), "a public repository is open to everyone");
            assertFalse(page.hasButton("artifacts:delete"));
            assertFalse(page.hasButton("artifacts:copy"));
            browser.screenshot("repository-anonymous-en");

            browser.go(RepositoryPage.path(secret, "app"));
            assertEquals("Not found", browser.text(By.id("errorTitle")), "a private project's repository does not exist for them");
            assertTrue(browser.findAll(By.id("artifacts:table")).isEmpty());
        }
    }

    static JsonObject artifact(String project, String repository, String reference) {
        return admin.get("/api/v2.0/projects/" + project + "/repositories/" + encoded(repository) + "/artifacts/" + reference)
                .expect(200).json();
    }

    /** A repository path as Harbor's API takes it: slashes encoded twice. */
    static String encoded(String repository) {
        return repository.replace("/", "%252F");
    }

    /** A size as the console writes it: binary units, one decimal. */
    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
