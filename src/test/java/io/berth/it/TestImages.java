package io.berth.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SequencedSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds small OCI images for the client tests with {@code umoci}, offline, in OCI image layouts, and reads
 * layouts back (what a tag points at, which blobs an image consists of, their bytes). Every image gets fresh
 * random content, so that a registry never already holds its blobs and every push really uploads.
 * <p>
 * umoci writes image manifests but not image indexes; {@link #multiPlatform} writes the index itself, with a
 * {@code platform} per child, as {@code docker buildx} would push it.
 * <pre>
 * TestImages images = new TestImages(tools.newDirectory("images"));
 * TestImages.Layout app = images.singlePlatform("app", "v1", 4);   // 3 layers, one of 4 MiB random bytes
 * skopeo.ok("copy", "--dest-tls-verify=false", app.reference("v1"), tools.docker("library/app:v1"));
 * String digest = app.manifestDigest("v1");
 * </pre>
 */
public final class TestImages {

    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String REF_NAME = "org.opencontainers.image.ref.name";

    private final Path directory;
    private final CliTool umoci = new CliTool(List.of("umoci"), Map.of());

    /** Layouts and their source trees go into {@code directory}. */
    public TestImages(Path directory) {
        this.directory = directory;
    }

    /**
     * One linux/amd64 image, tagged {@code tag}, of three layers: a small text file, {@code randomMiB} MiB of
     * random bytes (which gzip cannot shrink) and another small text file.
     */
    public Layout singlePlatform(String name, String tag, int randomMiB) {
        Layout layout = init(name);
        String image = layout.directory() + ":" + tag;
        umoci.ok("new", "--image", image);
        byte[] random = new byte[randomMiB * 1024 * 1024];
        ThreadLocalRandom.current().nextBytes(random);
        insert(image, source(name, "first", Map.of("first.txt", text("first layer of " + name))), "/first");
        insert(image, source(name, "random", Map.of("random.bin", random)), "/random");
        insert(image, source(name, "last", Map.of("last.txt", text("last layer of " + name))), "/last");
        umoci.ok("gc", "--layout", layout.directory().toString());
        return layout;
    }

    /**
     * An image index tagged {@code tag} over one linux image per architecture, each child also tagged with its
     * architecture and made of one small layer of its own, so that children differ in every blob.
     */
    public Layout multiPlatform(String name, String tag, List<String> architectures) {
        Layout layout = init(name);
        for (String architecture : architectures) {
            String image = layout.directory() + ":" + architecture;
            umoci.ok("new", "--image", image);
            byte[] noise = new byte[64 * 1024];
            ThreadLocalRandom.current().nextBytes(noise);
            insert(image, source(name, architecture, Map.of(
                    "architecture", text(architecture),
                    "noise.bin", noise)), "/platform");
            umoci.ok("config", "--image", image, "--architecture", architecture, "--os", "linux");
        }
        umoci.ok("gc", "--layout", layout.directory().toString());

        JsonArrayBuilder children = Json.createArrayBuilder();
        for (String architecture : architectures) {
            JsonObject child = layout.descriptor(architecture);
            children.add(Json.createObjectBuilder()
                    .add("mediaType", child.getString("mediaType"))
                    .add("digest", child.getString("digest"))
                    .add("size", child.getJsonNumber("size").longValue())
                    .add("platform", Json.createObjectBuilder().add("architecture", architecture).add("os", "linux")));
        }
        byte[] index = Json.createObjectBuilder()
                .add("schemaVersion", 2)
                .add("mediaType", OCI_INDEX)
                .add("manifests", children)
                .build().toString().getBytes(StandardCharsets.UTF_8);
        layout.addTaggedBlob(tag, OCI_INDEX, index);
        return layout;
    }

    private Layout init(String name) {
        Path layout = directory.resolve(name);
        umoci.ok("init", "--layout", layout.toString());
        return new Layout(layout);
    }

    private void insert(String image, Path source, String destination) {
        // --rootless: record the files as they are instead of needing to chown; works as root too.
        umoci.ok("insert", "--rootless", "--image", image, source.toString(), destination);
    }

    private Path source(String image, String layer, Map<String, byte[]> files) {
        Path root = directory.resolve(image + "-src").resolve(layer);
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    private static byte[] text(String line) {
        return (line + " " + new Random().nextLong() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code sha256:<hex>} of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(byte[] bytes) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        }
    }

    /** The strings of a JSON array member, such as skopeo's {@code "Tags"} or podman's {@code "RepoDigests"}. */
    public static List<String> strings(JsonObject object, String member) {
        return object.getJsonArray(member).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /**
     * An OCI image layout on disk ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/...}), written by
     * umoci or by {@code skopeo copy ... oci:<dir>:<tag>}.
     */
    public record Layout(Path directory) {

        /** {@code oci:<dir>:<tag>}, as skopeo names an image in a layout. */
        public String reference(String tag) {
            return "oci:" + directory + ":" + tag;
        }

        /** The digest {@code tag} points at in {@code index.json}. */
        public String manifestDigest(String tag) {
            return descriptor(tag).getString("digest");
        }

        /** The {@code index.json} descriptor named {@code tag}. */
        public JsonObject descriptor(String tag) {
            return index().getJsonArray("manifests").getValuesAs(JsonObject.class).stream()
                    .filter(d -> tag.equals(d.getJsonObject("annotations") == null ? null
                            : d.getJsonObject("annotations").getString(REF_NAME, null)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No tag " + tag + " in " + directory.resolve("index.json") + ": " + index()));
        }

        public Path blobPath(String digest) {
            return directory.resolve("blobs").resolve(digest.replace(':', '/'));
        }

        public byte[] blob(String digest) {
            try {
                return Files.readAllBytes(blobPath(digest));
            } catch (IOException e) {
                throw new AssertionError("Blob " + digest + " is missing from " + directory, e);
            }
        }

        public JsonObject json(String digest) {
            return TestImages.json(blob(digest));
        }

        /**
         * {@code root} and every blob it references, transitively (index → manifests → config and layers), in
         * the order a reader meets them.
         */
        public SequencedSet<String> closure(String root) {
            SequencedSet<String> digests = new LinkedHashSet<>();
            collect(root, digests);
            return digests;
        }

        private void collect(String digest, SequencedSet<String> into) {
            if (!into.add(digest)) {
                return;
            }
            JsonObject document = json(digest);
            if (document.containsKey("manifests")) {
                for (JsonObject child : document.getJsonArray("manifests").getValuesAs(JsonObject.class)) {
                    collect(child.getString("digest"), into);
                }
            }
            if (document.containsKey("config")) {
                into.add(document.getJsonObject("config").getString("digest"));
            }
            if (document.containsKey("layers")) {
                for (JsonObject layer : document.getJsonArray("layers").getValuesAs(JsonObject.class)) {
                    into.add(layer.getString("digest"));
                }
            }
        }

        private JsonObject index() {
            try {
                return TestImages.json(Files.readAllBytes(directory.resolve("index.json")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Stores {@code content} as a blob and tags it in {@code index.json}. */
        void addTaggedBlob(String tag, String mediaType, byte[] content) {
            String digest = sha256(content);
            try {
                Files.write(blobPath(digest), content);
                JsonObject index = index();
                JsonArrayBuilder manifests = Json.createArrayBuilder(index.getJsonArray("manifests"));
                manifests.add(Json.createObjectBuilder()
                        .add("mediaType", mediaType)
                        .add("digest", digest)
                        .add("size", content.length)
                        .add("annotations", Json.createObjectBuilder().add(REF_NAME, tag)));
                JsonObject updated = Json.createObjectBuilder(index).add("manifests", manifests).build();
                Files.writeString(directory.resolve("index.json"), updated.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
