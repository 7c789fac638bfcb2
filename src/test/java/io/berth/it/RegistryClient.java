package io.berth.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A small OCI client on the JDK's HttpClient for the integration tests: raw requests for asserting status
 * codes and headers, and helpers that push a blob or a manifest the way clients do.
 * <p>
 * It speaks HTTP/1.1, as Docker and containerd do to a plain-HTTP registry (no {@code h2c} upgrade attempts),
 * and never follows redirects, so every test sees the registry's own answer.
 */
public final class RegistryClient {

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
    public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /** The {@code {}} blob OCI artifacts use as config; its digest is fixed by the image-spec. */
    public static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);
    public static final String EMPTY_JSON_DIGEST = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public RegistryClient(BerthServer server) {
        this.base = server.base();
    }

    public URI base() {
        return base;
    }

    /** {@code library/<prefix>-<random>}: a repository no other test uses, in the public project {@code library}. */
    public static String uniqueRepository(String prefix) {
        return "library/" + uniqueName(prefix);
    }

    /** {@code <prefix>-<random>}, lower case, valid as a project or repository component. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A request builder for a path such as {@code /v2/library/x/tags/list}, or an absolute Location. */
    public HttpRequest.Builder request(String pathOrUrl) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    }

    public HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> get(String path) {
        return send(request(path).GET().build());
    }

    /** GET with {@code Accept} set to the given media types, as one comma-separated header. */
    public HttpResponse<byte[]> get(String path, List<String> accept) {
        return send(request(path).header("Accept", String.join(", ", accept)).GET().build());
    }

    public HttpResponse<byte[]> head(String path) {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<byte[]> delete(String path) {
        return send(request(path).DELETE().build());
    }

    public HttpResponse<byte[]> post(String path, byte[] body) {
        return send(request(path)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** {@code POST /v2/<repository>/blobs/uploads/}: opens an upload session; returns the 202 response. */
    public HttpResponse<byte[]> startUpload(String repository) {
        return send(request("/v2/" + repository + "/blobs/uploads/").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Opens an upload session and returns its {@code Location}, failing the test if it is not a 202. */
    public String startUploadLocation(String repository) {
        HttpResponse<byte[]> response = startUpload(repository);
        if (response.statusCode() != 202) {
            throw new AssertionError("upload start answered " + response.statusCode() + ": " + text(response));
        }
        return location(response);
    }

    /** A chunk with {@code Content-Range: <from>-<to>} (and the Content-Length the body gives). */
    public HttpResponse<byte[]> patch(String location, byte[] chunk, long offset) {
        return send(request(location)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", offset + "-" + (offset + chunk.length - 1))
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk)).build());
    }

    /** A streamed chunk: no Content-Range, no Content-Length, chunked transfer encoding. */
    public HttpResponse<byte[]> patchStreamed(String location, byte[] chunk) {
        return send(request(location)
                .header("Content-Type", "application/octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunk)))
                .build());
    }

    /** {@code PUT <location>?digest=<digest>} with {@code body} (possibly empty) as the last chunk. */
    public HttpResponse<byte[]> completeUpload(String location, String digest, byte[] body) {
        return send(request(withQuery(location, "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Pushes {@code content} as a blob of {@code repository} in one POST; returns its digest. */
    public String pushBlob(String repository, byte[] content) {
        String digest = sha256(content);
        HttpResponse<byte[]> response = send(request("/v2/" + repository + "/blobs/uploads/?digest=" + digest)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
        if (response.statusCode() != 201) {
            throw new AssertionError("blob push answered " + response.statusCode() + ": " + text(response));
        }
        return digest;
    }

    /** Pushes {@code content} as POST, PATCH (in chunks of {@code chunkSize}) and PUT; returns the PUT response. */
    public HttpResponse<byte[]> pushBlobChunked(String repository, byte[] content, int chunkSize) {
        String location = startUploadLocation(repository);
        for (int offset = 0; offset < content.length; offset += chunkSize) {
            byte[] chunk = Arrays.copyOfRange(content, offset, Math.min(content.length, offset + chunkSize));
            HttpResponse<byte[]> patched = patch(location, chunk, offset);
            if (patched.statusCode() != 202) {
                throw new AssertionError("PATCH at " + offset + " answered " + patched.statusCode() + ": " + text(patched));
            }
            location = location(patched);
        }
        return completeUpload(location, sha256(content), new byte[0]);
    }

    /** PUTs a manifest under a tag or digest and returns the response. */
    public HttpResponse<byte[]> putManifest(String repository, String reference, String mediaType, byte[] manifest) {
        return send(request("/v2/" + repository + "/manifests/" + reference)
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)).build());
    }

    /** PUTs a manifest and fails the test unless the answer is 201; returns the manifest's digest. */
    public String pushManifest(String repository, String reference, String mediaType, byte[] manifest) {
        HttpResponse<byte[]> response = putManifest(repository, reference, mediaType, manifest);
        if (response.statusCode() != 201) {
            throw new AssertionError("manifest push of " + repository + ":" + reference + " answered "
                    + response.statusCode() + ": " + text(response));
        }
        return sha256(manifest);
    }

    /**
     * Pushes a minimal OCI image (a config and one layer made from {@code seed}) under {@code tag};
     * returns the manifest's digest.
     */
    public Image pushImage(String repository, String tag, String seed) {
        byte[] layer = ("layer of " + seed).getBytes(StandardCharsets.UTF_8);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + sha256(layer) + "\"]}}").getBytes(StandardCharsets.UTF_8);
        String layerDigest = pushBlob(repository, layer);
        String configDigest = pushBlob(repository, config);
        byte[] manifest = imageManifest(OCI_MANIFEST, OCI_CONFIG, configDigest, config.length,
                OCI_LAYER, layerDigest, layer.length);
        HttpResponse<byte[]> response = putManifest(repository, tag, OCI_MANIFEST, manifest);
        if (response.statusCode() != 201) {
            throw new AssertionError("manifest push answered " + response.statusCode() + ": " + text(response));
        }
        return new Image(sha256(manifest), manifest, configDigest, layerDigest);
    }

    /** What {@link #pushImage} pushed. */
    public record Image(String digest, byte[] manifest, String configDigest, String layerDigest) {
    }

    /** An image manifest (OCI or Docker schema 2) with one config and one layer. */
    public static byte[] imageManifest(String mediaType, String configType, String configDigest, long configSize,
            String layerType, String layerDigest, long layerSize) {
        return ("{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\","
                + "\"config\":" + descriptor(configType, configDigest, configSize) + ","
                + "\"layers\":[" + descriptor(layerType, layerDigest, layerSize) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code {"mediaType","digest","size"}}. */
    public static String descriptor(String mediaType, String digest, long size) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size + "}";
    }

    /** The same with a {@code platform}, as an index entry. */
    public static String platformDescriptor(String mediaType, String digest, long size, String os, String architecture) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size
                + ",\"platform\":{\"architecture\":\"" + architecture + "\",\"os\":\"" + os + "\"}}";
    }

    /**
     * Creates a public project through the Harbor API ({@code POST /api/v2.0/projects}), for tests that need
     * a second project next to {@code library}. Fails the test with the answer if the project is not created.
     */
    public void createProject(String name) {
        HttpResponse<byte[]> response = send(request("/api/v2.0/projects")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"project_name\":\"" + name + "\",\"metadata\":{\"public\":\"true\"}}"))
                .build());
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /api/v2.0/projects for " + name + " answered " + response.statusCode()
                    + " (the Harbor projects API is needed for this test): " + text(response));
        }
    }

    /** The {@code Location} header; fails the test if there is none. */
    public static String location(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location in a " + response.statusCode() + " answer"));
    }

    /** Appends a query parameter to a Location that may already carry a query. */
    public static String withQuery(String location, String parameter) {
        return location + (location.contains("?") ? "&" : "?") + parameter;
    }

    /** {@code size} reproducible pseudo-random bytes. */
    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] content) {
        return digest("sha256", "SHA-256", content);
    }

    public static String sha512(byte[] content) {
        return digest("sha512", "SHA-512", content);
    }

    private static String digest(String algorithm, String jcaName, byte[] content) {
        try {
            return algorithm + ":" + HexFormat.of().formatHex(MessageDigest.getInstance(jcaName).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
