package io.berth.it;

import static io.berth.it.OciAssert.assertError;
import static io.berth.it.OciAssert.assertStatus;
import static io.berth.it.OciAssert.header;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens Berth did not issue, or not like this, are refused on {@code /v2/} with a challenge carrying
 * {@code error="invalid_token"}: {@code alg: none}, HS256 keyed with the public key, another key (under its own key
 * ID or Berth's), an edited payload, and tokens signed with Berth's own key whose claims are off (expired, other
 * audience or issuer, no {@code iat}, no subject, a subject that does not exist). The control case, a well-formed
 * token signed with the server's key, is accepted.
 */
class TokenForgeryIT {

    private static final BerthServer SERVER = BerthServer.shared();
    private static String repository;

    private final RegistryClient raw = RegistryClient.withoutCredentials(SERVER);
    private final TestTokens server = TestTokens.server();

    @BeforeAll
    static void image() {
        repository = RegistryClient.uniqueRepository("forgery");
        new RegistryClient(SERVER).pushImage(repository, "v1", repository);
    }

    @Test
    void aWellFormedTokenSignedWithTheServerKeyIsAccepted() {
        assertAccepted(server.sign(TestTokens.claims("admin", repository, "pull").build()));
    }

    @Test
    void algorithmNoneIsRefused() {
        String claims = encode(TestTokens.claims("admin", repository, "pull").build().toString());
        assertRefused(encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + claims + ".");
        assertRefused(encode("{\"alg\":\"none\",\"kid\":\"" + server.keyId() + "\"}") + "." + claims + ".");
        String signed = server.sign(TestTokens.claims("admin", repository, "pull").build());
        assertRefused(encode("{\"alg\":\"none\",\"kid\":\"" + server.keyId() + "\"}") + "." + claims + "." + signed.split("\\.")[2]);
    }

    @Test
    void hmacKeyedWithThePublicKeyIsRefused() throws JOSEException {
        byte[] publicKey = server.publicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKey) + "\n-----END PUBLIC KEY-----\n";
        for (byte[] secret : List.of(publicKey, pem.getBytes(StandardCharsets.US_ASCII))) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(server.keyId()).build(),
                    TestTokens.claims("admin", repository, "pull").build());
            jwt.sign(new MACSigner(Arrays.copyOf(secret, Math.max(32, secret.length))));
            assertRefused(jwt.serialize());
        }
    }

    @Test
    void anotherKeyIsRefused() {
        TestTokens foreign = TestTokens.foreign();
        JWTClaimsSet claims = TestTokens.claims("admin", repository, "pull").build();
        assertRefused(foreign.sign(claims));
        assertRefused(foreign.sign(claims, server.keyId()));
        assertRefused(server.sign(claims, foreign.keyId()));
    }

    @Test
    void anEditedPayloadIsRefused() {
        String[] parts = server.sign(TestTokens.claims("admin", repository, "pull").build()).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"pull\"", "\"pull\",\"push\",\"delete\"");
        assertRefused(parts[0] + "." + encode(claims) + "." + parts[2]);
    }

    @Test
    void claimsBerthNeverIssuesAreRefusedEvenWithItsKey() {
        Date now = new Date();
        assertRefused(server.sign(TestTokens.claims("admin", repository, "pull")
                .issueTime(Date.from(Instant.now().minusSeconds(3600))).expirationTime(Date.from(Instant.now().minusSeconds(120))).build()));
        assertRefused(server.sign(TestTokens.claims("admin", repository, "pull").audience("another-registry").build()));
        assertRefused(server.sign(TestTokens.claims("admin", repository, "pull").audience(List.of()).build()));
        assertRefused(server.sign(TestTokens.claims("admin", repository, "pull").issuer("evil-issuer").build()));
        assertRefused(server.sign(TestTokens.claims("admin", repository, "pull").issueTime(null).build()));
        assertRefused(server.sign(TestTokens.claims("admin", repository, "pull").subject(null).build()));
        assertRefused(server.sign(TestTokens.claims("no-such-user-" + now.getTime(), repository, "pull").build()));
        assertRefused(server.sign(TestTokens.claims("admin", repository, "pull").expirationTime(null).build()));
        assertRefused(server.sign(TestTokens.claims("admin", repository, "pull")
                .notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build()));
        assertRefused(server.sign(TestTokens.claims("admin", repository, "pull").claim("access", Map.of("all", true)).build()));
    }

    @Test
    void aTokenSlightlyPastItsExpiryIsStillAccepted() {
        assertAccepted(server.sign(TestTokens.claims("admin", repository, "pull")
                .expirationTime(Date.from(Instant.now().minusSeconds(20))).build()));
    }

    private void assertAccepted(String token) {
        assertStatus(200, get(token));
    }

    private void assertRefused(String token) {
        HttpResponse<byte[]> response = get(token);
        assertError(response, 401, "UNAUTHORIZED");
        assertTrue(header(response, "WWW-Authenticate").endsWith(",error=\"invalid_token\""), header(response, "WWW-Authenticate"));
        assertError(raw.send(raw.request("/v2/").header("Authorization", "Bearer " + token).GET().build()), 401, "UNAUTHORIZED");
    }

    private HttpResponse<byte[]> get(String token) {
        return raw.send(raw.request("/v2/" + repository + "/manifests/v1")
                .header("Accept", RegistryClient.OCI_MANIFEST)
                .header("Authorization", "Bearer " + token).GET().build());
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
