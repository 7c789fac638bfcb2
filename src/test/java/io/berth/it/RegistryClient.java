package io.berth.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small OCI client on the JDK's HttpClient for the integration tests: raw requests for asserting status
 * codes and headers, and helpers that push a blob or a manifest the way clients do.
 * <p>
 * It speaks HTTP/1.1, as Docker and containerd do to a plain-HTTP registry (no {@code h2c} upgrade attempts),
 * and never follows redirects, so every test sees the registry's own answer.
 * <p>
 * It authenticates as Docker does: a request without credentials meets {@code 401} with a Bearer challenge, the
 * client asks the challenge's realm for a token for the challenge's scope (with Basic credentials, or none when
 * anonymous), and sends the request again with the token. Like containerd it keeps asking for every scope it was
 * challenged for so far, so one token serves all the repositories a test touches. The default client is the
 * administrator; {@link #as}, {@link #anonymous}, {@link #basic} and {@link #withoutCredentials} make others.
 * <pre>
 * RegistryClient admin = new RegistryClient(BerthServer.shared());
 * RegistryClient nobody = RegistryClient.withoutCredentials(BerthServer.shared()); // sees every 401 as it is
 * </pre>
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

    /** How a client authenticates on {@code /v2/}. */
    private enum Mode {
        /** The token dance, with Basic credentials at the token service (or none: anonymous). */
        TOKEN,
        /** HTTP Basic on every {@code /v2/} request, as Harbor also accepts. */
        BASIC,
        /** Never: every request goes out as the test built it. */
        NONE
    }

    /** Most scopes one token request carries; past that the client starts a new set, as a long-lived client would. */
    private static final int MAX_SCOPES = 40;
    private static final Pattern CHALLENGE_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final URI base;
    private final Mode mode;
    private final String username;
    private final String password;
    private final Set<String> scopes = new LinkedHashSet<>();
    private String token;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** The administrator, with tokens. */
    public RegistryClient(BerthServer server) {
        this(server, Mode.TOKEN, BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
    }

    private RegistryClient(BerthServer server, Mode mode, String username, String password) {
        this.base = server.base();
        this.mode = mode;
        this.username = username;
        this.password = password;
    }

    /** A user or robot, with tokens. */
    public static RegistryClient as(BerthServer server, String username, String password) {
        return new RegistryClient(server, Mode.TOKEN, username, password);
    }

    /** Nobody, with anonymous tokens (what {@code docker pull} does without a login). */
    public static RegistryClient anonymous(BerthServer server) {
        return new RegistryClient(server, Mode.TOKEN, null, null);
    }

    /** A user or robot sending HTTP Basic credentials on every request. */
    public static RegistryClient basic(BerthServer server, String username, String password) {
        return new RegistryClient(server, Mode.BASIC, username, password);
    }

    /** A client that never authenticates by itself: for asserting challenges and forged credentials. */
    public static RegistryClient withoutCredentials(BerthServer server) {
        return new RegistryClient(server, Mode.NONE, null, null);
    }

    /** {@code Basic <base64(user:password)>}. */
    public static String basicAuthorization(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
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

    /**
     * Sends the request with this client's credentials (unless it carries an {@code Authorization} of its own),
     * doing the token dance on a challenge; returns the last answer.
     */
    public HttpResponse<byte[]> send(HttpRequest request) {
        if (mode == Mode.NONE || request.headers().firstValue("Authorization").isPresent()
                || !request.uri().getPath().startsWith("/v2")) {
            return sendAsIs(request);
        }
        if (mode == Mode.BASIC) {
            return sendAsIs(withAuthorization(request, basicAuthorization(username, password)));
        }
        String current = currentToken();
        HttpResponse<byte[]> response = sendAsIs(current == null ? request : withAuthorization(request, "Bearer " + current));
        Map<String, String> challenge = challenge(response);
        if (response.statusCode() != 401 || challenge == null) {
            return response;
        }
        String fresh = tokenFor(challenge);
        return fresh == null ? response : sendAsIs(withAuthorization(request, "Bearer " + fresh));
    }

    /** Sends the request exactly as built. */
    public HttpResponse<byte[]> sendAsIs(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code GET /service/token?service=harbor-registry&scope=...} with this client's Basic credentials (none when
     * anonymous); the raw answer.
     */
    public HttpResponse<byte[]> requestToken(List<String> scopeParameters) {
        return sendAsIs(tokenRequest(base.resolve("/service/token").toString(), "harbor-registry", scopeParameters));
    }

    /** The {@code token} of a successful {@link #requestToken}; fails the test otherwise. */
    public String token(List<String> scopeParameters) {
        HttpResponse<byte[]> response = requestToken(scopeParameters);
        if (response.statusCode() != 200) {
            throw new AssertionError("token request for " + scopeParameters + " answered " + response.statusCode() + ": " + text(response));
        }
        return OciAssert.json(response).getString("token");
    }

    /** The parameters of a Bearer {@code WWW-Authenticate} challenge, or null when there is none. */
    public static Map<String, String> challenge(HttpResponse<byte[]> response) {
        String header = response.headers().firstValue("WWW-Authenticate").orElse(null);
        if (header == null || !header.startsWith("Bearer ")) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAMETER.matcher(header);
        while (m.find()) {
            parameters.put(m.group(1), m.group(2));
        }
        return parameters;
    }

    private synchronized String currentToken() {
        return token;
    }

    /** Adds the challenge's scopes to those asked for so far and fetches a token for all of them. */
    private synchronized String tokenFor(Map<String, String> challenge) {
        List<String> challenged = challenge.containsKey("scope") ? List.of(challenge.get("scope").split(" ")) : List.of();
        if (scopes.size() + challenged.size() > MAX_SCOPES) {
            scopes.clear();
        }
        scopes.addAll(challenged);
        HttpResponse<byte[]> response = sendAsIs(tokenRequest(challenge.get("realm"), challenge.get("service"), List.copyOf(scopes)));
        if (response.statusCode() != 200) {
            return null;
        }
        token = OciAssert.json(response).getString("token");
        return token;
    }

    private HttpRequest tokenRequest(String realm, String service, List<String> scopeParameters) {
        StringBuilder url = new StringBuilder(realm).append("?service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
        for (String scope : scopeParameters) {
            url.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(60)).GET();
        if (username != null) {
            request.header("Authorization", basicAuthorization(username, password));
        }
        return request.build();
    }

    private static HttpRequest withAuthorization(HttpRequest request, String authorization) {
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", authorization).build();
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
        createProject(name, true);
    }

    /** Creates a public or private project as the administrator (HTTP Basic on the API, as Harbor accepts). */
    public void createProject(String name, boolean isPublic) {
        HttpResponse<byte[]> response = sendAsIs(adminApi("/api/v2.0/projects")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"project_name\":\"" + name + "\",\"metadata\":{\"public\":\"" + isPublic + "\"}}"))
                .build());
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /api/v2.0/projects for " + name + " answered " + response.statusCode()
                    + " (the Harbor projects API is needed for this test): " + text(response));
        }
    }

    /** Deletes an empty project as the administrator; fails the test unless the answer is 200. */
    public void deleteProject(String name) {
        HttpResponse<byte[]> response = sendAsIs(adminApi("/api/v2.0/projects/" + name).DELETE().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("DELETE /api/v2.0/projects/" + name + " answered " + response.statusCode() + ": " + text(response));
        }
    }

    /**
     * Creates a database user through Harbor's {@code POST /api/v2.0/users} as the administrator; fails the test
     * unless the answer is 201.
     */
    public void createUser(String username, String password) {
        HttpResponse<byte[]> response = sendAsIs(adminApi("/api/v2.0/users")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"email\":\"" + username
                        + "@example.com\",\"realname\":\"" + username + "\",\"comment\":\"integration test\",\"password\":\""
                        + password + "\"}"))
                .build());
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /api/v2.0/users for " + username + " answered " + response.statusCode()
                    + " (the Harbor users API is needed for this test): " + text(response));
        }
    }

    /**
     * Makes {@code username} a member of {@code project} with Harbor's {@code role_id} (1 project admin, 2 developer,
     * 3 guest, 4 maintainer, 5 limited guest) through {@code POST /api/v2.0/projects/{p}/members}.
     */
    public void addMember(String project, String username, int roleId) {
        HttpResponse<byte[]> response = sendAsIs(adminApi("/api/v2.0/projects/" + project + "/members")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"role_id\":" + roleId + ",\"member_user\":{\"username\":\""
                        + username + "\"}}"))
                .build());
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /api/v2.0/projects/" + project + "/members for " + username + " answered "
                    + response.statusCode() + " (the Harbor members API is needed for this test): " + text(response));
        }
    }

    /** A request to the Harbor API with the administrator's Basic credentials. */
    public HttpRequest.Builder adminApi(String path) {
        return request(path).header("Authorization", basicAuthorization(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD));
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
