package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * podman against a started Berth: it pulls what skopeo pushed, pushes what it pulled to another repository,
 * and picks one platform out of an index. podman runs daemonless and root-full inside the build container,
 * with the vfs storage driver, cgroupfs and a file event log; its whole store lives under the build directory
 * (see {@link ClientTools#podman}).
 */
class ClientPodmanIT {

    private static ClientTools tools;
    private static CliTool skopeo;
    private static TestImages images;

    @BeforeAll
    static void tools() {
        tools = ClientTools.forClass(ClientPodmanIT.class, BerthServer.shared().authority());
        tools.login(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
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
    void pullsAnImagePushedBySkopeo() {
        TestImages.Layout source = images.singlePlatform("pulled", "v1", 3);
        String manifestDigest = source.manifestDigest("v1");
        String repository = ClientTools.uniqueRepository("pulled");
        skopeo.ok("copy", "--dest-tls-verify=false", source.reference("v1"), tools.docker(repository + ":v1"));
        CliTool podman = tools.podman("pull");

        podman.ok(withPolicy("pull", "--tls-verify=false", tools.image(repository + ":v1")));

        CliTool.Result inspect = podman.ok("image", "inspect", tools.image(repository + ":v1"));
        JsonObject image = onlyImage(inspect);
        assertEquals(manifestDigest, image.getString("Digest"), inspect.describe());
        assertEquals(configDigest(source, manifestDigest), "sha256:" + image.getString("Id"), "the image ID is the config digest\n" + inspect.describe());
        assertTrue(TestImages.strings(image, "RepoDigests").contains(tools.image(repository + "@" + manifestDigest)), inspect.describe());
        CliTool.Result list = podman.ok("images", "--digests", "--format", "{{.Repository}}:{{.Tag}} {{.Digest}}");
        assertTrue(list.stdout().lines().anyMatch((tools.image(repository) + ":v1 " + manifestDigest)::equals), list.describe());
    }

    @Test
    void pushesAPulledImageToAnotherRepository() throws IOException {
        TestImages.Layout source = images.singlePlatform("repushed", "v1", 2);
        String manifestDigest = source.manifestDigest("v1");
        String from = ClientTools.uniqueRepository("repushed-from");
        String to = ClientTools.uniqueRepository("repushed-to");
        skopeo.ok("copy", "--dest-tls-verify=false", source.reference("v1"), tools.docker(from + ":v1"));
        CliTool podman = tools.podman("push");
        podman.ok(withPolicy("pull", "--tls-verify=false", tools.image(from + ":v1")));
        Path digestFile = tools.directory().resolve("podman-push").resolve("pushed.digest");

        podman.ok(withPolicy("push", "--tls-verify=false", "--digestfile", digestFile.toString(),
                tools.image(from + ":v1"), tools.image(to + ":v2")));

        String pushedDigest = Files.readString(digestFile).strip();
        CliTool.Result inspect = skopeo.ok("inspect", "--tls-verify=false", tools.docker(to + ":v2"));
        JsonObject inspected = TestImages.json(inspect.stdoutBytes());
        assertEquals(pushedDigest, inspected.getString("Digest"), "Berth serves the manifest podman pushed\n" + inspect.describe());
        assertEquals(List.of("v2"), TestImages.strings(inspected, "RepoTags"), inspect.describe());
        CliTool.Result raw = skopeo.ok("inspect", "--raw", "--tls-verify=false", tools.docker(to + ":v2"));
        assertEquals(pushedDigest, TestImages.sha256(raw.stdoutBytes()), raw.describe());
        // podman rewrites the manifest (its own JSON encoding) and may recompress layers, so digests of the
        // manifest and layers can differ from skopeo's; the config, which names the image, must not.
        JsonObject manifest = TestImages.json(raw.stdoutBytes());
        assertEquals(configDigest(source, manifestDigest), manifest.getJsonObject("config").getString("digest"), raw.describe());
        assertEquals(3, manifest.getJsonArray("layers").size(), raw.describe());
        // skopeo verifies every digest and size it downloads: the pushed image is complete and consistent.
        TestImages.Layout back = new TestImages.Layout(tools.newDirectory("repushed-back"));
        skopeo.ok("copy", "--src-tls-verify=false", tools.docker(to + ":v2"), back.reference("v2"));
        assertEquals(pushedDigest, back.manifestDigest("v2"));
    }

    @Test
    void pullsOnePlatformOutOfAnIndex() {
        TestImages.Layout source = images.multiPlatform("platforms", "v1", List.of("amd64", "arm64", "s390x"));
        String repository = ClientTools.uniqueRepository("platforms");
        skopeo.ok("copy", "--all", "--dest-tls-verify=false", source.reference("v1"), tools.docker(repository + ":v1"));
        CliTool podman = tools.podman("platform");

        podman.ok(withPolicy("pull", "--tls-verify=false", "--arch", "arm64", "--os", "linux", tools.image(repository + ":v1")));

        CliTool.Result inspect = podman.ok("image", "inspect", tools.image(repository + ":v1"));
        JsonObject image = onlyImage(inspect);
        String arm64 = source.manifestDigest("arm64");
        assertEquals("arm64", image.getString("Architecture"), inspect.describe());
        assertEquals(configDigest(source, arm64), "sha256:" + image.getString("Id"), inspect.describe());
        assertTrue(TestImages.strings(image, "RepoDigests").contains(tools.image(repository + "@" + arm64)),
                "podman records the arm64 child it pulled\n" + inspect.describe());
        assertTrue(TestImages.strings(image, "RepoDigests").contains(tools.image(repository + "@" + source.manifestDigest("v1"))),
                "and the index it came through\n" + inspect.describe());
    }

    /** podman's {@code --signature-policy} is a flag of pull and push, not a global one. */
    private static String[] withPolicy(String command, String... arguments) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(tools.podmanPolicyFlag());
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
    }

    private static JsonObject onlyImage(CliTool.Result inspect) {
        JsonArray array;
        try (JsonReader reader = Json.createReader(new StringReader(inspect.stdout()))) {
            array = reader.readArray();
        }
        assertEquals(1, array.size(), inspect.describe());
        return array.getJsonObject(0);
    }

    private static String configDigest(TestImages.Layout layout, String manifestDigest) {
        return layout.json(manifestDigest).getJsonObject("config").getString("digest");
    }
}
