package io.berth.it;

import static io.berth.it.OciAssert.assertError;
import static io.berth.it.OciAssert.assertStatus;
import static io.berth.it.OciAssert.header;
import static io.berth.it.RegistryClient.OCI_MANIFEST;
import static io.berth.it.RegistryClient.randomBytes;
import static io.berth.it.RegistryClient.sha256;
import static io.berth.it.RegistryClient.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /v2/} enforcement: the challenge every refused request carries (exact header values, for each method and
 * kind of path), anonymous, Bearer and Basic callers, scopes that fall short, and the catalog. Forged tokens are in
 * {@link TokenForgeryIT}, and users with project roles in {@link RoleAccessIT}.
 */
class RegistryAuthIT {

    private static final BerthServer SERVER = BerthServer.shared();
    private static final String REALM = SERVER.base() + "/service/token";
    private static final String DIGEST = sha256(utf8("registry-auth-it"));
    private static String privateProject;
    private static String publicRepository;
    private static RegistryClient.Image publicImage;

    private final RegistryClient admin = new RegistryClient(SERVER);
    private final RegistryClient anonymous = RegistryClient.anonymous(SERVER);
    private final RegistryClient raw = RegistryClient.withoutCredentials(SERVER);

    @BeforeAll
    static void content() {
        RegistryClient admin = new RegistryClient(SERVER);
        privateProject = RegistryClient.uniqueName("auth-private");
        admin.createProject(privateProject, false);
        publicRepository = RegistryClient.uniqueRepository("auth-public");
        publicImage = admin.pushImage(publicRepository, "v1", "registry-auth-it");
    }

    @Test
    void theVersionCheckChallengesWithoutAScope() {
        HttpResponse<byte[]> get = raw.get("/v2/");
        assertError(get, 401, "UNAUTHORIZED");
        assertEquals("Bearer realm=\"" + REALM + "\",service=\"harbor-registry\"", header(get, "WWW-Authenticate"));
        assertEquals("registry/2.0", header(get, "Docker-Distribution-API-Version"));

        HttpResponse<byte[]> head = raw.head("/v2/");
        assertStatus(401, head);
        assertEquals(header(get, "WWW-Authenticate"), header(head, "WWW-Authenticate"));
        assertEquals(0, head.body().length, "no body for HEAD");
    }

    @Test
    void everyMethodAndPathIsChallengedForWhatItNeeds() {
        String repo = publicRepository;
        String v2 = "/v2/" + repo;
        Map<HttpRequest, String> expected = new java.util.LinkedHashMap<>();
        expected.put(raw.request(v2 + "/manifests/v1").GET().build(), "repository:" + repo + ":pull");
        expected.put(raw.request(v2 + "/manifests/v1").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), "repository:" + repo + ":pull");
        expected.put(raw.request(v2 + "/blobs/" + DIGEST).GET().build(), "repository:" + repo + ":pull");
        expected.put(raw.request(v2 + "/blobs/" + DIGEST).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), "repository:" + repo + ":pull");
        expected.put(raw.request(v2 + "/tags/list").GET().build(), "repository:" + repo + ":pull");
        expected.put(raw.request(v2 + "/referrers/" + DIGEST).GET().build(), "repository:" + repo + ":pull");
        expected.put(raw.request(v2 + "/blobs/uploads/some-uuid").GET().build(), "repository:" + repo + ":pull");
        expected.put(raw.request(v2 + "/manifests/v2").PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), "repository:" + repo + ":pull,push");
        expected.put(raw.request(v2 + "/blobs/uploads/").POST(HttpRequest.BodyPublishers.noBody()).build(), "repository:" + repo + ":pull,push");
        expected.put(raw.request(v2 + "/blobs/uploads/some-uuid").method("PATCH", HttpRequest.BodyPublishers.ofString("x")).build(), "repository:" + repo + ":pull,push");
        expected.put(raw.request(v2 + "/blobs/uploads/some-uuid?digest=" + DIGEST).PUT(HttpRequest.BodyPublishers.noBody()).build(), "repository:" + repo + ":pull,push");
        expected.put(raw.request(v2 + "/manifests/" + DIGEST).DELETE().build(), "repository:" + repo + ":delete");
        expected.put(raw.request(v2 + "/blobs/" + DIGEST).DELETE().build(), "repository:" + repo + ":delete");
        expected.put(raw.request(v2 + "/blobs/uploads/some-uuid").DELETE().build(), "repository:" + repo + ":delete");
        expected.put(raw.request("/v2/_catalog").GET().build(), "registry:catalog:*");
        expected.put(raw.request(v2 + "/blobs/uploads/?mount=" + DIGEST + "&from=library/source").POST(HttpRequest.BodyPublishers.noBody()).build(),
                "repository:" + repo + ":pull,push repository:library/source:pull");
        expected.put(raw.request("/v2/" + privateProject + "/app/manifests/v1").GET().build(), "repository:" + privateProject + "/app:pull");
        expected.put(raw.request("/v2/nosuchproject-" + RegistryClient.uniqueName("p") + "/app/tags/list").GET().build(), null);

        expected.forEach((request, scope) -> {
            HttpResponse<byte[]> response = raw.send(request);
            String context = request.method() + " " + request.uri();
            if (request.method().equals("HEAD")) {
                assertStatus(401, response);
                assertEquals(0, response.body().length, context);
            } else {
                JsonArray detail = assertError(response, 401, "UNAUTHORIZED").getJsonArray("detail");
                assertNotNull(detail, context);
            }
            assertEquals("registry/2.0", header(response, "Docker-Distribution-API-Version"), context);
            String challenge = header(response, "WWW-Authenticate");
            if (scope != null) {
                assertEquals("Bearer realm=\"" + REALM + "\",service=\"harbor-registry\",scope=\"" + scope + "\"", challenge, context);
            } else {
                assertTrue(challenge.startsWith("Bearer realm=\"" + REALM + "\",service=\"harbor-registry\",scope=\"repository:nosuchproject-"), challenge);
            }
        });
    }

    @Test
    void invalidNamesAndUnknownPathsAreChallengedWithoutAScopeAndThenAnsweredAsUsual() {
        for (String path : List.of("/v2/Library/Upper/tags/list", "/v2/no-project/manifests/latest", "/v2/library/x/nonsense", "/v2/_unknown")) {
            HttpResponse<byte[]> response = raw.get(path);
            assertError(response, 401, "UNAUTHORIZED");
            assertEquals("Bearer realm=\"" + REALM + "\",service=\"harbor-registry\"", header(response, "WWW-Authenticate"), path);
        }
        // Any valid token will then do, an anonymous one included (anonymous token requests need a scope).
        String bearer = TestTokens.bearer(anonymous.token(List.of("repository:library/x:pull")));
        assertError(raw.send(raw.request("/v2/Library/Upper/tags/list").header("Authorization", bearer).GET().build()), 400, "NAME_INVALID");
        assertError(raw.send(raw.request("/v2/library/x/nonsense").header("Authorization", bearer).GET().build()), 404, "NAME_UNKNOWN");
    }

    @Test
    void anonymousTokensPullPublicRepositoriesAndNothingElse() {
        String bearer = TestTokens.bearer(anonymous.token(List.of("repository:" + publicRepository + ":pull")));
        assertStatus(200, raw.send(raw.request("/v2/").header("Authorization", bearer).GET().build()));
        HttpResponse<byte[]> pulled = anonymous.get("/v2/" + publicRepository + "/manifests/v1", List.of(OCI_MANIFEST));
        assertStatus(200, pulled);
        assertEquals(publicImage.digest(), header(pulled, "Docker-Content-Digest"));
        assertStatus(200, anonymous.get("/v2/" + publicRepository + "/blobs/" + publicImage.layerDigest()));

        HttpResponse<byte[]> push = anonymous.startUpload(publicRepository);
        assertError(push, 401, "UNAUTHORIZED");
        assertEquals("Bearer realm=\"" + REALM + "\",service=\"harbor-registry\",scope=\"repository:" + publicRepository
                + ":pull,push\",error=\"insufficient_scope\"", header(push, "WWW-Authenticate"));
        assertError(anonymous.delete("/v2/" + publicRepository + "/manifests/" + publicImage.digest()), 401, "UNAUTHORIZED");
        assertError(anonymous.get("/v2/" + privateProject + "/app/tags/list"), 401, "UNAUTHORIZED");
        assertError(anonymous.get("/v2/_catalog"), 401, "UNAUTHORIZED");
        assertStatus(200, admin.get("/v2/" + publicRepository + "/manifests/v1"));
    }

    @Test
    void aProjectThatDoesNotExistLooksPrivateToAllButAdministrators() {
        String missing = RegistryClient.uniqueName("missing") + "/app";
        HttpResponse<byte[]> asAnonymous = anonymous.get("/v2/" + missing + "/tags/list");
        HttpResponse<byte[]> asAnonymousPrivate = anonymous.get("/v2/" + privateProject + "/app/tags/list");
        assertError(asAnonymous, 401, "UNAUTHORIZED");
        assertEquals(asAnonymousPrivate.statusCode(), asAnonymous.statusCode());
        assertError(admin.get("/v2/" + missing + "/tags/list"), 404, "NAME_UNKNOWN");
    }

    @Test
    void aPullTokenCannotPush() {
        String token = admin.token(List.of("repository:" + publicRepository + ":pull"));
        String bearer = TestTokens.bearer(token);
        assertStatus(200, raw.send(raw.request("/v2/" + publicRepository + "/manifests/v1").header("Authorization", bearer).GET().build()));

        HttpResponse<byte[]> push = raw.send(raw.request("/v2/" + publicRepository + "/blobs/uploads/")
                .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertError(push, 401, "UNAUTHORIZED");
        assertEquals("Bearer realm=\"" + REALM + "\",service=\"harbor-registry\",scope=\"repository:" + publicRepository
                + ":pull,push\",error=\"insufficient_scope\"", header(push, "WWW-Authenticate"));
        HttpResponse<byte[]> delete = raw.send(raw.request("/v2/" + publicRepository + "/manifests/" + publicImage.digest())
                .header("Authorization", bearer).DELETE().build());
        assertError(delete, 401, "UNAUTHORIZED");
        assertStatus(200, admin.get("/v2/" + publicRepository + "/manifests/v1"));
    }

    @Test
    void aTokenForOneRepositoryDoesNotOpenAnother() {
        String other = RegistryClient.uniqueRepository("auth-other");
        admin.pushImage(other, "v1", other);
        String bearer = TestTokens.bearer(admin.token(List.of("repository:" + publicRepository + ":pull,push")));

        assertError(raw.send(raw.request("/v2/" + other + "/manifests/v1").header("Authorization", bearer).GET().build()), 401, "UNAUTHORIZED");
        assertError(raw.send(raw.request("/v2/" + other + "/blobs/uploads/").header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.noBody()).build()), 401, "UNAUTHORIZED");
        assertError(raw.send(raw.request("/v2/_catalog").header("Authorization", bearer).GET().build()), 401, "UNAUTHORIZED");
    }

    @Test
    void basicCredentialsWorkOnV2AsInHarbor() {
        RegistryClient basicAdmin = RegistryClient.basic(SERVER, BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
        assertStatus(200, basicAdmin.get("/v2/"));
        assertStatus(200, basicAdmin.get("/v2/" + publicRepository + "/manifests/v1"));
        String repository = RegistryClient.uniqueRepository("auth-basic");
        basicAdmin.pushImage(repository, "v1", repository);
        assertStatus(200, basicAdmin.get("/v2/_catalog"));

        // Not the administrator: wrong administrator passwords would lock it out for the other tests.
        RegistryClient wrong = RegistryClient.basic(SERVER, RegistryClient.uniqueName("nobody"), "wrong");
        HttpResponse<byte[]> refused = wrong.get("/v2/" + publicRepository + "/manifests/v1");
        assertError(refused, 401, "UNAUTHORIZED");
        assertEquals("Bearer realm=\"" + REALM + "\",service=\"harbor-registry\",scope=\"repository:" + publicRepository + ":pull\"",
                header(refused, "WWW-Authenticate"));
    }

    @Test
    void otherAuthorizationSchemesAreChallenged() {
        for (String authorization : List.of("Digest username=\"admin\"", "Bearer", "Basic not-base64!", "Token abc")) {
            HttpResponse<byte[]> response = raw.send(raw.request("/v2/").header("Authorization", authorization).GET().build());
            assertError(response, 401, "UNAUTHORIZED");
        }
    }

    @Test
    void theCatalogIsForAdministrators() {
        HttpResponse<byte[]> catalog = admin.get("/v2/_catalog");
        assertStatus(200, catalog);
        assertTrue(OciAssert.strings(OciAssert.json(catalog), "repositories").contains(publicRepository));
        assertError(anonymous.get("/v2/_catalog"), 401, "UNAUTHORIZED");
        assertError(anonymous.get("/v2/_catalog/"), 401, "UNAUTHORIZED");
        // A token with only repository scopes does not open the catalog.
        String bearer = TestTokens.bearer(admin.token(List.of("repository:" + publicRepository + ":pull")));
        HttpResponse<byte[]> scoped = raw.send(raw.request("/v2/_catalog").header("Authorization", bearer).GET().build());
        assertError(scoped, 401, "UNAUTHORIZED");
        assertEquals("Bearer realm=\"" + REALM + "\",service=\"harbor-registry\",scope=\"registry:catalog:*\",error=\"insufficient_scope\"",
                header(scoped, "WWW-Authenticate"));
    }

    @Test
    void aMountFromARepositoryTheTokenCannotReadStartsAnUpload() {
        String source = privateProject + "/source";
        byte[] content = randomBytes(1500, 41);
        String digest = admin.pushBlob(source, content);
        String target = RegistryClient.uniqueRepository("auth-mount");

        // Push rights on the target only: the source is not readable with this token.
        String bearer = TestTokens.bearer(admin.token(List.of("repository:" + target + ":pull,push")));
        HttpResponse<byte[]> refused = raw.send(raw.request("/v2/" + target + "/blobs/uploads/?mount=" + digest + "&from=" + source)
                .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertStatus(202, refused);
        assertNotNull(header(refused, "Docker-Upload-UUID"));
        assertError(admin.head("/v2/" + target + "/blobs/" + digest), 404, "BLOB_UNKNOWN");

        // With the source's pull scope the same request mounts.
        String both = TestTokens.bearer(admin.token(List.of("repository:" + target + ":pull,push", "repository:" + source + ":pull")));
        HttpResponse<byte[]> mounted = raw.send(raw.request("/v2/" + target + "/blobs/uploads/?mount=" + digest + "&from=" + source)
                .header("Authorization", both).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertStatus(201, mounted);
        assertNull(header(mounted, "Docker-Upload-UUID"));
    }

    @Test
    void aTokenIssuedBeforeItsProjectWasCreatedAgainIsRefused() throws Exception {
        String project = RegistryClient.uniqueName("auth-replay");
        admin.createProject(project, false);
        String path = "/v2/" + project + "/app/tags/list";
        String old = admin.token(List.of("repository:" + project + "/app:pull,push"));
        assertError(raw.send(raw.request(path).header("Authorization", TestTokens.bearer(old)).GET().build()), 404, "NAME_UNKNOWN");

        admin.deleteProject(project);
        Thread.sleep(1100); // iat has whole seconds: the new project must be created in a later second
        admin.createProject(project, false);

        HttpResponse<byte[]> replayed = raw.send(raw.request(path).header("Authorization", TestTokens.bearer(old)).GET().build());
        assertError(replayed, 401, "UNAUTHORIZED");
        assertTrue(header(replayed, "WWW-Authenticate").endsWith(",error=\"invalid_token\""), header(replayed, "WWW-Authenticate"));
        String fresh = admin.token(List.of("repository:" + project + "/app:pull,push"));
        assertError(raw.send(raw.request(path).header("Authorization", TestTokens.bearer(fresh)).GET().build()), 404, "NAME_UNKNOWN");
        admin.deleteProject(project);
    }

    @Test
    void aStaleTokenCannotMountFromARecreatedProject() throws Exception {
        String project = RegistryClient.uniqueName("auth-replay-src");
        admin.createProject(project, false);
        String target = RegistryClient.uniqueRepository("auth-replay-target");
        String old = admin.token(List.of("repository:" + target + ":pull,push", "repository:" + project + "/app:pull"));
        Thread.sleep(1100);
        admin.deleteProject(project);
        admin.createProject(project, false);
        String digest = admin.pushBlob(project + "/app", randomBytes(700, 42));

        HttpResponse<byte[]> response = raw.send(raw.request("/v2/" + target + "/blobs/uploads/?mount=" + digest + "&from=" + project + "/app")
                .header("Authorization", TestTokens.bearer(old)).POST(HttpRequest.BodyPublishers.noBody()).build());

        assertError(response, 401, "UNAUTHORIZED");
        assertTrue(header(response, "WWW-Authenticate").endsWith(",error=\"invalid_token\""), header(response, "WWW-Authenticate"));
    }

    @Test
    void tokensAreReusedAcrossRequests() {
        String bearer = TestTokens.bearer(admin.token(List.of("repository:" + publicRepository + ":pull")));
        for (int i = 0; i < 20; i++) {
            assertStatus(200, raw.send(raw.request("/v2/" + publicRepository + "/blobs/" + publicImage.layerDigest())
                    .header("Authorization", bearer).GET().build()));
        }
    }
}
