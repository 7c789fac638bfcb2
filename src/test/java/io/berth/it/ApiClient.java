package io.berth.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small client of the Harbor-compatible API for the integration tests: one caller (administrator, a user,
 * or anonymous) with optional extra headers (a session cookie, a CSRF token), raw answers for asserting
 * status codes, headers and JSON, and helpers that create users, projects and members the way a script would.
 * <pre>
 * ApiClient admin = ApiClient.admin(BerthServer.shared());
 * ApiClient.TestUser alice = admin.newUser("alice");
 * long project = alice.client().createProject(RegistryClient.uniqueName("p"), false);
 * admin.addMember(Long.toString(project), bob.id(), ApiClient.GUEST);
 * </pre>
 */
public final class ApiClient {

    public static final int PROJECT_ADMIN = 1;
    public static final int DEVELOPER = 2;
    public static final int GUEST = 3;
    public static final int MAINTAINER = 4;
    public static final int LIMITED_GUEST = 5;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final BerthServer server;
    private final Map<String, String> headers;

    private ApiClient(BerthServer server, Map<String, String> headers) {
        this.server = server;
        this.headers = Map.copyOf(headers);
    }

    public static ApiClient admin(BerthServer server) {
        return basic(server, BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
    }

    public static ApiClient anonymous(BerthServer server) {
        return new ApiClient(server, Map.of());
    }

    public static ApiClient basic(BerthServer server, String username, String password) {
        return new ApiClient(server, Map.of("Authorization", RegistryClient.basicAuthorization(username, password)));
    }

    /** The same caller with one more request header. */
    public ApiClient with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(server, more);
    }

    /** Another caller on the same server. */
    public ApiClient as(String username, String password) {
        return basic(server, username, password);
    }

    public BerthServer server() {
        return server;
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response head(String path) {
        return send("HEAD", path, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    /** Any method; {@code json} null for no body. Paths are relative to the server, e.g. {@code /api/v2.0/users}. */
    public Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.base().resolve(path)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    /** {@code POST /c/login} with the form fields {@code principal} and {@code password}. */
    public Response login(String principal, String password) {
        String form = "principal=" + URLEncoder.encode(principal, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.base().resolve("/c/login")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A user this client (an administrator) created: id, name, password, and a client signed in as it. */
    public record TestUser(long id, String username, String password, ApiClient client) {
    }

    /** Creates a user {@code <prefix>-<random>} with a valid random password; fails the test unless 201. */
    public TestUser newUser(String prefix) {
        String username = RegistryClient.uniqueName(prefix);
        String password = "Pw-" + UUID.randomUUID().toString().substring(0, 8) + "-Ab1";
        long id = createUser(username, password);
        return new TestUser(id, username, password, as(username, password));
    }

    /** {@code POST /api/v2.0/users}; the new id. */
    public long createUser(String username, String password) {
        Response response = post("/api/v2.0/users", userJson(username, password));
        response.expect(201);
        return response.locationId();
    }

    public static String userJson(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("email", username + "@example.com")
                .add("realname", "Test " + username).add("comment", "created by a test").add("password", password)
                .build().toString();
    }

    /** {@code POST /api/v2.0/projects} as this caller; the new id. */
    public long createProject(String name, boolean isPublic) {
        Response response = post("/api/v2.0/projects",
                "{\"project_name\":\"" + name + "\",\"metadata\":{\"public\":\"" + isPublic + "\"}}");
        response.expect(201);
        return response.locationId();
    }

    /** Adds a user as a member of {@code project} (name or id) with {@code roleId}; the member id. */
    public long addMember(String project, long userId, int roleId) {
        Response response = post("/api/v2.0/projects/" + project + "/members",
                "{\"role_id\":" + roleId + ",\"member_user\":{\"user_id\":" + userId + "}}");
        response.expect(201);
        return response.locationId();
    }

    /** Sets runtime configurations ({@code PUT /api/v2.0/configurations}) as this caller, an administrator. */
    public void configure(String json) {
        put("/api/v2.0/configurations", json).expect(200);
    }

    /** An answer: status, headers, body, with JSON helpers. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonArray array() {
            return (JsonArray) structure();
        }

        private JsonStructure structure() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public List<String> allHeaders(String name) {
            return headers.allValues(name);
        }

        /** The Harbor error code of an error answer. */
        public String errorCode() {
            return json().getJsonArray("errors").getJsonObject(0).getString("code");
        }

        /** Fails the test with the answer unless the status is {@code expected}; returns this. */
        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        /** The id at the end of the {@code Location} header. */
        public long locationId() {
            String location = header("Location");
            if (location == null) {
                throw new AssertionError("no Location in a " + status + " answer: " + body);
            }
            return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        }

        public URI location() {
            return URI.create(header("Location"));
        }
    }
}
