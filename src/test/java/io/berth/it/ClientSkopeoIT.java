package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SequencedSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * skopeo, the containers/image client that podman, buildah and CRI-O share, against a started Berth: push
 * from an OCI layout, pull back into a new one, multi-platform indexes, copies between repositories, delete
 * by digest, zstd layers, Docker schema 2 manifests and lists, and several clients pushing one image at
 * once. A registry must store manifests and blobs byte for byte, so every round trip compares digests and
 * bytes, not just exit codes. Images are built offline with umoci ({@link TestImages}).
 */
class ClientSkopeoIT {

    private static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    private static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    private static final List<String> PLATFORMS = List.of("amd64", "arm64", "s390x");

    private static ClientTools tools;
    private static CliTool skopeo;
    private static TestImages images;
    private final RegistryClient registry = new RegistryClient(BerthServer.shared());

    @BeforeAll
    static void tools() {
        tools = ClientTools.forClass(ClientSkopeoIT.class, BerthServer.shared().authority());
        tools.login(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
        skopeo = tools.skopeo();
        images = new TestImages(tools.newDirectory("images"));
    }

    @Test
    void pushesAMultiLayerImageAndPullsItBackByteForByte() {
        TestImages.Layout source = images.singlePlatform("multilayer", "v1", 4);
        String manifestDigest = source.manifestDigest("v1");
        assertTrue(source.json(manifestDigest).getJsonArray("layers").size() >= 3, "the test image has 3 layers");
        String repository = ClientTools.uniqueRepository("multilayer");

        skopeo.ok("copy", "--dest-tls-verify=false", source.reference("v1"), tools.docker(repository + ":v1"));

        CliTool.Result raw = skopeo.ok("inspect", "--raw", "--tls-verify=false", tools.docker(repository + ":v1"));
        assertArrayEquals(source.blob(manifestDigest), raw.stdoutBytes(), "the manifest comes back byte for byte\n" + raw.describe());
        CliTool.Result inspect = skopeo.ok("inspect", "--tls-verify=false", tools.docker(repository + ":v1"));
        JsonObject inspected = TestImages.json(inspect.stdoutBytes());
        assertEquals(manifestDigest, inspected.getString("Digest"), inspect.describe());
        assertTrue(TestImages.strings(inspected, "RepoTags").contains("v1"), inspect.describe());
        CliTool.Result tags = skopeo.ok("list-tags", "--tls-verify=false", tools.docker(repository));
        assertEquals(List.of("v1"), TestImages.strings(TestImages.json(tags.stdoutBytes()), "Tags"), tags.describe());

        TestImages.Layout copy = new TestImages.Layout(tools.newDirectory("multilayer-back"));
        skopeo.ok("copy", "--src-tls-verify=false", tools.docker(repository + ":v1"), copy.reference("v1"));
        assertEquals(manifestDigest, copy.manifestDigest("v1"));
        assertSameBlobs(source, copy, manifestDigest);
    }

    @Test
    void pushesAnIndexOfThreePlatformsAndPullsEveryPlatformBack() {
        TestImages.Layout source = images.multiPlatform("index", "v1", PLATFORMS);
        String indexDigest = source.manifestDigest("v1");
        String repository = ClientTools.uniqueRepository("index");

        skopeo.ok("copy", "--all", "--dest-tls-verify=false", source.reference("v1"), tools.docker(repository + ":v1"));

        CliTool.Result raw = skopeo.ok("inspect", "--raw", "--tls-verify=false", tools.docker(repository + ":v1"));
        assertArrayEquals(source.blob(indexDigest), raw.stdoutBytes(), "the tag names the index, byte for byte\n" + raw.describe());
        assertEquals(TestImages.OCI_INDEX, TestImages.json(raw.stdoutBytes()).getString("mediaType"));
        for (String platform : PLATFORMS) {
            String child = source.manifestDigest(platform);
            CliTool.Result byDigest = skopeo.ok("inspect", "--raw", "--tls-verify=false", tools.docker(repository + "@" + child));
            assertArrayEquals(source.blob(child), byDigest.stdoutBytes(), platform + " child by digest\n" + byDigest.describe());
        }

        TestImages.Layout copy = new TestImages.Layout(tools.newDirectory("index-back"));
        skopeo.ok("copy", "--all", "--src-tls-verify=false", tools.docker(repository + ":v1"), copy.reference("v1"));
        assertEquals(indexDigest, copy.manifestDigest("v1"));
        assertSameBlobs(source, copy, indexDigest);

        TestImages.Layout arm64 = new TestImages.Layout(tools.newDirectory("index-arm64"));
        skopeo.ok("--override-arch", "arm64", "--override-os", "linux",
                "copy", "--src-tls-verify=false", tools.docker(repository + ":v1"), arm64.reference("arm64"));
        String pulled = arm64.manifestDigest("arm64");
        assertEquals(source.manifestDigest("arm64"), pulled, "--override-arch arm64 resolves the index to the arm64 child");
        assertSameBlobs(source, arm64, pulled);
        String config = arm64.json(pulled).getJsonObject("config").getString("digest");
        assertEquals("arm64", arm64.json(config).getString("architecture"));
    }

    @Test
    void copiesBetweenRepositoriesAndDeletesTheCopyByDigest() {
        TestImages.Layout source = images.singlePlatform("between", "v1", 2);
        String manifestDigest = source.manifestDigest("v1");
        String from = ClientTools.uniqueRepository("between-from");
        String to = ClientTools.uniqueRepository("between-to");
        skopeo.ok("copy", "--dest-tls-verify=false", source.reference("v1"), tools.docker(from + ":v1"));

        skopeo.ok("copy", "--src-tls-verify=false", "--dest-tls-verify=false", tools.docker(from + ":v1"), tools.docker(to + ":v1"));

        CliTool.Result raw = skopeo.ok("inspect", "--raw", "--tls-verify=false", tools.docker(to + ":v1"));
        assertArrayEquals(source.blob(manifestDigest), raw.stdoutBytes(), raw.describe());
        for (String digest : source.closure(manifestDigest)) {
            // Whether skopeo mounted, re-uploaded or found the blob already there, the target serves it.
            HttpResponse<byte[]> blob = registry.get("/v2/" + to + "/blobs/" + digest);
            assertEquals(200, blob.statusCode(), "GET " + digest + " from " + to + ": " + RegistryClient.text(blob));
            assertArrayEquals(source.blob(digest), blob.body(), digest + " from " + to);
        }
        TestImages.Layout copy = new TestImages.Layout(tools.newDirectory("between-back"));
        skopeo.ok("copy", "--src-tls-verify=false", tools.docker(to + ":v1"), copy.reference("v1"));
        assertSameBlobs(source, copy, manifestDigest);

        skopeo.ok("delete", "--tls-verify=false", tools.docker(to + "@" + manifestDigest));

        CliTool.Result byDigest = skopeo.run("inspect", "--raw", "--tls-verify=false", tools.docker(to + "@" + manifestDigest));
        assertNotEquals(0, byDigest.exitCode(), "the deleted manifest is gone\n" + byDigest.describe());
        assertTrue(byDigest.stderr().contains("manifest unknown"), byDigest.describe());
        CliTool.Result byTag = skopeo.run("inspect", "--raw", "--tls-verify=false", tools.docker(to + ":v1"));
        assertNotEquals(0, byTag.exitCode(), "deleting the manifest removes its tag\n" + byTag.describe());
        CliTool.Result original = skopeo.ok("inspect", "--raw", "--tls-verify=false", tools.docker(from + ":v1"));
        assertArrayEquals(source.blob(manifestDigest), original.stdoutBytes(), "the source repository keeps its image\n" + original.describe());
    }

    @Test
    void roundTripsZstdCompressedLayers() {
        TestImages.Layout source = images.singlePlatform("zstd", "v1", 1);
        String repository = ClientTools.uniqueRepository("zstd");

        skopeo.ok("copy", "--dest-tls-verify=false", "--dest-compress-format", "zstd",
                source.reference("v1"), tools.docker(repository + ":v1"));

        CliTool.Result raw = skopeo.ok("inspect", "--raw", "--tls-verify=false", tools.docker(repository + ":v1"));
        byte[] manifest = raw.stdoutBytes();
        List<JsonObject> layers = TestImages.json(manifest).getJsonArray("layers").getValuesAs(JsonObject.class);
        assertEquals(3, layers.size(), raw.describe());
        for (JsonObject layer : layers) {
            assertEquals("application/vnd.oci.image.layer.v1.tar+zstd", layer.getString("mediaType"), raw.describe());
        }

        TestImages.Layout copy = new TestImages.Layout(tools.newDirectory("zstd-back"));
        skopeo.ok("copy", "--src-tls-verify=false", tools.docker(repository + ":v1"), copy.reference("v1"));
        String manifestDigest = TestImages.sha256(manifest);
        assertEquals(manifestDigest, copy.manifestDigest("v1"), "pulling keeps the zstd manifest as it is");
        for (JsonObject layer : layers) {
            byte[] blob = copy.blob(layer.getString("digest"));
            assertEquals(layer.getString("digest"), TestImages.sha256(blob));
            assertEquals(layer.getJsonNumber("size").longValue(), blob.length);
            // zstd frame magic number (RFC 8878, 3.1.1): 0xFD2FB528, little-endian.
            assertArrayEquals(new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD}, Arrays.copyOf(blob, 4),
                    layer.getString("digest") + " is a zstd frame");
        }
    }

    @Test
    void pushesDockerSchema2ManifestsAndManifestLists() {
        TestImages.Layout source = images.multiPlatform("docker", "v1", PLATFORMS);
        String repository = ClientTools.uniqueRepository("docker");

        // What `docker push` sends: skopeo converts the OCI index and manifests to Docker's media types.
        skopeo.ok("copy", "--all", "--format", "v2s2", "--dest-tls-verify=false", source.reference("v1"), tools.docker(repository + ":v1"));

        CliTool.Result raw = skopeo.ok("inspect", "--raw", "--tls-verify=false", tools.docker(repository + ":v1"));
        JsonObject list = TestImages.json(raw.stdoutBytes());
        assertEquals(DOCKER_MANIFEST_LIST, list.getString("mediaType"), raw.describe());
        List<JsonObject> children = list.getJsonArray("manifests").getValuesAs(JsonObject.class);
        assertEquals(PLATFORMS, children.stream().map(c -> c.getJsonObject("platform").getString("architecture")).toList(), raw.describe());
        for (JsonObject child : children) {
            String digest = child.getString("digest");
            CliTool.Result manifest = skopeo.ok("inspect", "--raw", "--tls-verify=false", tools.docker(repository + "@" + digest));
            assertEquals(digest, TestImages.sha256(manifest.stdoutBytes()), "served by digest byte for byte\n" + manifest.describe());
            assertEquals(child.getJsonNumber("size").longValue(), manifest.stdoutBytes().length, manifest.describe());
            assertEquals(DOCKER_MANIFEST, TestImages.json(manifest.stdoutBytes()).getString("mediaType"), manifest.describe());
        }

        String arm64 = children.get(PLATFORMS.indexOf("arm64")).getString("digest");
        List<String> arm64Layers = TestImages.json(skopeo.ok("inspect", "--raw", "--tls-verify=false",
                        tools.docker(repository + "@" + arm64)).stdoutBytes())
                .getJsonArray("layers").getValuesAs(JsonObject.class).stream().map(l -> l.getString("digest")).toList();
        CliTool.Result inspect = skopeo.ok("--override-arch", "arm64", "--override-os", "linux",
                "inspect", "--tls-verify=false", tools.docker(repository + ":v1"));
        JsonObject inspected = TestImages.json(inspect.stdoutBytes());
        // skopeo reports the digest of what the tag names (the list) and the platform image's details.
        assertEquals(TestImages.sha256(raw.stdoutBytes()), inspected.getString("Digest"), inspect.describe());
        assertEquals("arm64", inspected.getString("Architecture"), inspect.describe());
        assertEquals(arm64Layers, TestImages.strings(inspected, "Layers"), "the list resolves to its arm64 child\n" + inspect.describe());
    }

    @Test
    void concurrentPushesOfOneImageAllSucceed() throws Exception {
        TestImages.Layout source = images.singlePlatform("concurrent", "v1", 3);
        String manifestDigest = source.manifestDigest("v1");
        // Six clients upload the same new blobs and manifest at once: four into repositories of their own,
        // two into one tag, as CI jobs building one base image do. Every one must succeed.
        String shared = ClientTools.uniqueRepository("concurrent-shared");
        List<String> targets = new ArrayList<>(List.of(shared + ":v1", shared + ":v1"));
        for (int i = 0; i < 4; i++) {
            targets.add(ClientTools.uniqueRepository("concurrent") + ":v1");
        }
        List<Callable<CliTool.Result>> pushes = targets.stream()
                .<Callable<CliTool.Result>>map(target -> () -> skopeo.run(
                        "copy", "--dest-tls-verify=false", source.reference("v1"), tools.docker(target)))
                .toList();
        List<Future<CliTool.Result>> results;
        ExecutorService pool = Executors.newFixedThreadPool(pushes.size());
        try {
            results = pool.invokeAll(pushes);
        } finally {
            pool.shutdown();
        }

        for (Future<CliTool.Result> result : results) {
            assertEquals(0, result.get().exitCode(), result.get().describe());
        }
        for (String target : targets) {
            CliTool.Result raw = skopeo.ok("inspect", "--raw", "--tls-verify=false", tools.docker(target));
            assertArrayEquals(source.blob(manifestDigest), raw.stdoutBytes(), target + "\n" + raw.describe());
        }
    }

    /** Every blob {@code root} reaches in {@code expected} is in {@code actual} with the same bytes. */
    static void assertSameBlobs(TestImages.Layout expected, TestImages.Layout actual, String root) {
        SequencedSet<String> digests = expected.closure(root);
        assertEquals(digests, actual.closure(root), "the copy references the same blobs");
        for (String digest : digests) {
            assertArrayEquals(expected.blob(digest), actual.blob(digest), digest + " in " + actual.directory());
        }
    }
}
