package io.berth.it;

import static io.berth.it.OciAssert.assertStatus;
import static io.berth.it.OciAssert.header;
import static io.berth.it.OciAssert.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /service/token}: the Docker token protocol as Harbor serves it. Service check, the {@code docker login}
 * exchange, the response and the JWT it carries, scope parsing, and grants that are the intersection of what is
 * asked and what the caller may do (never an error).
 */
class TokenServiceIT {

    private static final BerthServer SERVER = BerthServer.shared();
    private static String privateProject;

    private final RegistryClient admin = new RegistryClient(SERVER);
    private final RegistryClient anonymous = RegistryClient.anonymous(SERVER);
    private final RegistryClient raw = RegistryClient.withoutCredentials(SERVER);

    @BeforeAll
    static void privateProject() {
        privateProject = RegistryClient.uniqueName("token-private");
        new RegistryClient(SERVER).createProject(privateProject, false);
    }

    @Test
    void theServiceMustBeHarborRegistry() {
        for (String query : List.of("?service=another&scope=repository:library/x:pull", "?scope=repository:library/x:pull", "")) {
            HttpResponse<byte[]> response = raw.sendAsIs(raw.request("/service/token" + query).GET().build());
            assertStatus(400, response);
            assertEquals("BAD_REQUEST", json(response).getJsonArray("errors").getJsonObject(0).getString("code"), query);
        }
    }

    @Test
    void dockerLoginWithoutCredentialsOrWithWrongOnesIsRefused() {
        HttpResponse<byte[]> nobody = anonymous.requestToken(List.of());
        assertStatus(401, nobody);
        assertEquals("UNAUTHORIZED", json(nobody).getJsonArray("errors").getJsonObject(0).getString("code"));
        assertTrue(header(nobody, "WWW-Authenticate").startsWith("Basic realm="), header(nobody, "WWW-Authenticate"));

        // The one wrong administrator password of the suite (five in a row lock the account for a while).
        HttpResponse<byte[]> wrong = RegistryClient.as(SERVER, BerthServer.ADMIN, "not-the-password").requestToken(List.of());
        assertStatus(401, wrong);
        HttpResponse<byte[]> unknownUser = RegistryClient.as(SERVER, "nobody-" + RegistryClient.uniqueName("u"), "x").requestToken(List.of());
        assertStatus(401, unknownUser);
        assertEquals(RegistryClient.text(wrong), RegistryClient.text(unknownUser), "the answer does not tell whether the user exists");
    }

    @Test
    void wrongCredentialsAreRefusedEvenWithAScope() {
        // Not the administrator: failed logins count towards its lock-out, which would stop the other tests.
        assertStatus(401, RegistryClient.as(SERVER, RegistryClient.uniqueName("nobody"), "wrong").requestToken(List.of("repository:library/x:pull")));
    }

    @Test
    void aBearerTokenIsNoCredentialForTheTokenService() {
        String token = admin.token(List.of());
        assertStatus(401, raw.sendAsIs(raw.request("/service/token?service=harbor-registry&scope=repository:library/x:pull")
                .header("Authorization", "Bearer " + token).GET().build()));
    }

    @Test
    void dockerLoginWithTheRightPasswordGetsATokenForNothing() {
        HttpResponse<byte[]> response = admin.requestToken(List.of());
        assertStatus(200, response);
        JsonObject body = json(response);
        assertEquals(List.of("token", "access_token", "expires_in", "issued_at"), List.copyOf(body.keySet()));
        assertEquals(body.getString("token"), body.getString("access_token"));
        assertEquals(1800, body.getInt("expires_in"), "token_expiration defaults to 30 minutes");
        OffsetDateTime issuedAt = OffsetDateTime.parse(body.getString("issued_at"));
        assertTrue(header(response, "Cache-Control").contains("no-store"), header(response, "Cache-Control"));

        JsonObject jwtHeader = part(body.getString("token"), 0);
        assertEquals("RS256", jwtHeader.getString("alg"));
        assertEquals("JWT", jwtHeader.getString("typ"));
        assertEquals(TestTokens.server().keyId(), jwtHeader.getString("kid"), "kid is the libtrust ID of the signing key");
        assertTrue(jwtHeader.getString("kid").matches("([A-Z2-7]{4}:){11}[A-Z2-7]{4}"), jwtHeader.getString("kid"));

        JsonObject claims = part(body.getString("token"), 1);
        assertEquals("harbor-token-issuer", claims.getString("iss"));
        assertEquals("admin", claims.getString("sub"));
        assertTrue(claims.get("aud") instanceof JsonString, "aud is a single string: " + claims);
        assertEquals("harbor-registry", claims.getString("aud"));
        long iat = claims.getJsonNumber("iat").longValue();
        assertEquals(issuedAt.toEpochSecond(), iat);
        assertEquals(iat, claims.getJsonNumber("nbf").longValue());
        assertEquals(iat + 1800, claims.getJsonNumber("exp").longValue());
        assertTrue(claims.getString("jti").length() >= 16);
        assertEquals(0, claims.getJsonArray("access").size());
    }

    @Test
    void anAnonymousTokenHasAnEmptySubject() {
        assertEquals("", part(anonymous.token(List.of("repository:library/x:pull")), 1).getString("sub"));
    }

    @Test
    void scopesAreReadFromEveryParameterAndSpaceSeparatedLists() {
        String token = admin.token(List.of("repository:library/a:pull repository:library/b:push", "repository:library/c:delete"));
        assertEquals(Map.of("repository library/a", List.of("pull"), "repository library/b", List.of("push"),
                "repository library/c", List.of("delete")), access(token));
    }

    @Test
    void namesWithAHostAndPortKeepIt() {
        // Such a name has no Berth project ("127.0.0.1:5000" is not a project name), so it is granted nothing;
        // what matters is that it is not split at the port.
        String token = admin.token(List.of("repository:127.0.0.1:5000/library/x:pull"));
        assertEquals(Map.of("repository 127.0.0.1:5000/library/x", List.of()), access(token));
    }

    @Test
    void unknownTypesUnknownActionsAndBadNamesGetNothing() {
        String token = admin.token(List.of("plugin:x:run", "repository:library/x:scan", "repository:Not/Valid:pull",
                "repository:" + RegistryClient.uniqueName("no-such-project") + "/x:pull"));
        assertTrue(access(token).values().stream().allMatch(List::isEmpty), access(token).toString());
        assertEquals(4, access(token).size());
    }

    @Test
    void theAdministratorGetsWhatItAsks() {
        assertEquals(Map.of("repository library/x", List.of("pull", "push")), access(admin.token(List.of("repository:library/x:pull,push"))));
        assertEquals(Map.of("repository library/x", List.of("pull", "push", "delete")), access(admin.token(List.of("repository:library/x:*"))));
        assertEquals(Map.of("repository " + privateProject + "/x", List.of("pull", "push")),
                access(admin.token(List.of("repository:" + privateProject + "/x:pull,push"))));
        assertEquals(Map.of("registry catalog", List.of("*")), access(admin.token(List.of("registry:catalog:*"))));
    }

    @Test
    void anonymousCallersGetPullOnPublicProjectsAndNothingElse() {
        String token = anonymous.token(List.of("repository:library/x:pull,push,delete",
                "repository:" + privateProject + "/x:pull", "registry:catalog:*"));
        assertEquals(Map.of("repository library/x", List.of("pull"),
                "repository " + privateProject + "/x", List.of(),
                "registry catalog", List.of()), access(token));
    }

    @Test
    void repeatedScopesForOneRepositoryAreMerged() {
        assertEquals(Map.of("repository library/x", List.of("pull", "push")),
                access(admin.token(List.of("repository:library/x:pull", "repository:library/x:push"))));
    }

    @Test
    void scopesTravelUrlEncodedToo() {
        HttpResponse<byte[]> response = raw.sendAsIs(raw.request("/service/token?service=harbor-registry&scope="
                        + URLEncoder.encode("repository:library/x:pull repository:library/y:pull", StandardCharsets.UTF_8))
                .header("Authorization", RegistryClient.basicAuthorization(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD)).GET().build());
        assertStatus(200, response);
        assertEquals(2, access(json(response).getString("token")).size());
    }

    /** {@code "type name" -> actions} of a token's {@code access} claim. */
    static Map<String, List<String>> access(String token) {
        Map<String, List<String>> access = new LinkedHashMap<>();
        for (JsonObject entry : part(token, 1).getJsonArray("access").getValuesAs(JsonObject.class)) {
            assertNotNull(entry.get("actions"), "every entry has actions: " + entry);
            access.put(entry.getString("type") + " " + entry.getString("name"),
                    entry.getJsonArray("actions").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        }
        return access;
    }

    /** Part 0 (header) or 1 (claims) of a JWT, as JSON. */
    static JsonObject part(String token, int index) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
