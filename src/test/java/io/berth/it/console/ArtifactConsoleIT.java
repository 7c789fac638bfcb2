package io.berth.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.it.ApiClient;
import io.berth.it.BerthServer;
import io.berth.it.ClientTools;
import io.berth.it.RegistryClient;
import io.berth.it.TestImages;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The artifact page in a real browser: an image pushed with skopeo shows its layers with their sizes (which Harbor
 * does not) and their total, the build history from its config and its tags; an index lists its platforms; tags are
 * added, and removed through a confirmation that names them, checked through the API.
 */
class ArtifactConsoleIT {

    static final BerthServer SERVER = BerthServer.shared();
    static final String REPOSITORY = "tools/cli";
    static ApiClient admin;
    static String project;
    static TestImages.Layout single;
    static TestImages.Layout index;

    @BeforeAll
    static void pushAnImageAndAnIndexWithSkopeo() {
        admin = ApiClient.admin(SERVER);
        project = RegistryClient.uniqueName("console-artifact");
        admin.createProject(project, true);
        ClientTools tools = ClientTools.forClass(ArtifactConsoleIT.class, SERVER.authority());
        tools.login(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
        TestImages images = new TestImages(tools.newDirectory("images"));
        single = images.singlePlatform("single", "v1", 1);
        tools.skopeo().ok("copy", "--dest-tls-verify=false", single.reference("v1"), tools.docker(project + "/" + REPOSITORY + ":v1"));
        index = images.multiPlatform("index", "multi", List.of("amd64", "arm64", "s390x"));
        tools.skopeo().ok("copy", "--all", "--dest-tls-verify=false", index.reference("multi"),
                tools.docker(project + "/" + REPOSITORY + ":multi"));
    }

    @Test
    void anImageShowsItsLayersWithTheirSizesTheTotalAndTheBuildHistory() {
        JsonObject manifest = single.json(single.manifestDigest("v1"));
        List<JsonObject> layers = manifest.getJsonArray("layers").getValuesAs(JsonObject.class);
        JsonObject config = single.json(manifest.getJsonObject("config").getString("digest"));
        List<String> history = config.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .map(step -> step.getString("created_by")).toList();
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            ArtifactPage page = ArtifactPage.open(browser, project, REPOSITORY, "v1");
            assertEquals(single.manifestDigest("v1"), page.digest());
            assertEquals("linux/amd64", page.platform());
            List<List<String>> shown = page.layers();
            assertEquals(layers.size(), shown.size(), "one row per layer");
            long total = 0;
            for (int i = 0; i < layers.size(); i++) {
                JsonObject layer = layers.get(i);
                long size = layer.getJsonNumber("size").longValue();
                total += size;
                assertEquals(List.of(layer.getString("mediaType"), layer.getString("digest").substring(0, 19),
                        RepositoryConsoleIT.human(size)), shown.get(i), "layer " + (i + 1));
            }
            assertTrue(total > 1024 * 1024, "the random layer is a MiB");
            assertEquals(RepositoryConsoleIT.human(total), page.layersTotal());
            assertEquals(history, page.history(), "the build history of the image config, oldest first");
            assertEquals(List.of("v1"), page.tags());
            browser.screenshot("artifact-en");
            browser.assertAccessible();

            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("层", browser.text(By.id("layersTitle")));
            browser.screenshot("artifact-zh_CN");
            browser.assertAccessible();
        }
    }

    @Test
    void anIndexListsItsPlatformsAndLinksToEachOfThem() {
        try (Browser browser = Browser.open()) {
            ArtifactPage page = ArtifactPage.open(browser, project, REPOSITORY, "multi");
            assertEquals(List.of("linux/amd64", "linux/arm64", "linux/s390x"), page.children());
            browser.screenshot("artifact-index-en");
            browser.click(By.xpath("//table[@id='children']//tr[td[normalize-space(.)='linux/s390x']]//a"));
            assertEquals(index.manifestDigest("s390x"), new ArtifactPage(browser).digest());
            assertEquals("linux/s390x", new ArtifactPage(browser).platform());
        }
    }

    @Test
    void tagsAreAddedAndRemovedThroughAConfirmationThatNamesThem() {
        RegistryClient.Image pushed = new RegistryClient(SERVER).pushImage(project + "/" + REPOSITORY, "first", "tag me");
        String tags = "/api/v2.0/projects/" + project + "/repositories/" + RepositoryConsoleIT.encoded(REPOSITORY)
                + "/artifacts/" + pushed.digest() + "/tags";
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            ArtifactPage page = ArtifactPage.open(browser, project, REPOSITORY, "first");
            page.addTag("second");
            browser.growl("Tag second added");
            browser.waitUntil(d -> page.tags().equals(List.of("first", "second")) ? Boolean.TRUE : null);
            assertEquals(List.of("first", "second"), names(admin.get(tags).expect(200).array()));

            assertEquals(List.of("first"), page.askToRemove("first"), "the confirmation names the tag");
            browser.screenshot("artifact-remove-tag-en");
            page.confirmRemove();
            browser.growl("Tag first removed");
            assertEquals(List.of("second"), names(admin.get(tags).expect(200).array()),
                    "the tag the page was opened by is gone; the artifact stays");
            browser.waitUntil(d -> page.tags().equals(List.of("second")) ? Boolean.TRUE : null);

            // Several at once: one confirmation names every selected tag.
            page.addTag("third");
            browser.growl("Tag third added");
            browser.waitUntil(d -> page.tags().equals(List.of("second", "third")) ? Boolean.TRUE : null);
            assertEquals(List.of("second", "third"), page.select("second", "third").askToRemoveSelected());
            page.confirmRemove();
            browser.growl("2 tags removed");
            assertEquals(List.of(), names(admin.get(tags).expect(200).array()), "both tags are gone");
            assertEquals(200, admin.get("/api/v2.0/projects/" + project + "/repositories/"
                    + RepositoryConsoleIT.encoded(REPOSITORY) + "/artifacts/" + pushed.digest()).status(), "the artifact stays");
        }
    }

    private static List<String> names(List<JsonValue> tags) {
        return tags.stream().map(t -> t.asJsonObject().getString("name")).toList();
    }
}
