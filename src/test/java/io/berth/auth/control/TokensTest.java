package io.berth.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.berth.auth.entity.IssuedToken;
import io.berth.auth.entity.ResourceScope;
import io.berth.auth.entity.VerifiedToken;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issuing and verifying registry tokens without a container: the forgeries a registry must refuse. */
class TokensTest {

    private static SigningKeys keys;
    private static SigningKeys otherKeys;
    private static TokenPolicy policy;

    private final TokenIssuer issuer = new TokenIssuer();
    private final TokenVerifier verifier = new TokenVerifier();

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = SigningKeys.of((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        otherKeys = SigningKeys.of((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        policy = new TokenPolicy() {
            @Override
            public Duration expiration() {
                return Duration.ofMinutes(30);
            }
        };
        policy.issuer = TokenPolicy.DEFAULT_ISSUER;
    }

    TokensTest() {
        issuer.keys = keys;
        issuer.policy = policy;
        verifier.keys = keys;
        verifier.policy = policy;
        verifier.init();
    }

    @Test
    void anIssuedTokenVerifiesWithItsClaims() throws Exception {
        List<ResourceScope> access = List.of(new ResourceScope("repository", "library/x", Set.of("pull", "push")),
                new ResourceScope("repository", "private/y", Set.of()));
        IssuedToken issued = issuer.issue("alice", access);

        VerifiedToken token = verifier.verify(issued.token()).orElseThrow();

        assertEquals("alice", token.subject());
        assertEquals(access, token.access());
        assertTrue(token.allows("repository", "library/x", "push"));
        assertEquals(1800, issued.expiresIn());
        SignedJWT jwt = SignedJWT.parse(issued.token());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(keys.keyId(), jwt.getHeader().getKeyID());
        Map<String, Object> claims = jwt.getJWTClaimsSet().toJSONObject();
        assertEquals("harbor-registry", claims.get("aud"), "aud is one string, as Harbor sends it");
        assertEquals("harbor-token-issuer", claims.get("iss"));
        assertEquals(claims.get("iat"), claims.get("nbf"));
        assertTrue(claims.get("jti") instanceof String);
    }

    @Test
    void theAnonymousTokenHasAnEmptySubject() {
        assertEquals("", verifier.verify(issuer.issue("", List.of()).token()).map(VerifiedToken::subject).orElseThrow());
    }

    @Test
    void verifiedTokensAreRemembered() {
        String token = issuer.issue("alice", List.of()).token();
        assertSame(verifier.verify(token).orElseThrow(), verifier.verify(token).orElseThrow());
    }

    @Test
    void algorithmNoneIsRefused() {
        String plain = new PlainJWT(new PlainHeader(), claims(b -> b)).serialize();
        assertRefused(plain);
        // The same with a kid, and with an "alg":"none" header on an otherwise signed token.
        String[] signed = sign(claims(b -> b)).split("\\.");
        String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"none\",\"kid\":\"" + keys.keyId() + "\"}").getBytes());
        assertRefused(noneHeader + "." + signed[1] + ".");
        assertRefused(noneHeader + "." + signed[1] + "." + signed[2]);
    }

    @Test
    void hmacWithThePublicKeyAsSecretIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.keyId()).type(JOSEObjectType.JWT).build(),
                claims(b -> b));
        byte[] secret = keys.publicKey().getEncoded();
        jwt.sign(new MACSigner(Arrays.copyOf(secret, Math.max(secret.length, 32))));
        assertRefused(jwt.serialize());
    }

    @Test
    void anotherKeyIsRefusedWithOurKidOrItsOwn() throws Exception {
        assertRefused(sign(claims(b -> b), otherKeys, keys.keyId()));
        assertRefused(sign(claims(b -> b), otherKeys, otherKeys.keyId()));
        assertRefused(sign(claims(b -> b), keys, otherKeys.keyId()));
        assertRefused(sign(claims(b -> b), keys, null));
    }

    @Test
    void anEditedPayloadIsRefused() {
        String[] parts = sign(claims(b -> b)).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"pull\"", "\"pull\",\"push\"");
        assertRefused(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2]);
    }

    @Test
    void claimsOutsideThePolicyAreRefused() {
        assertRefused(sign(claims(b -> b.audience("another-registry"))));
        assertRefused(sign(claims(b -> b.audience(List.of()))));
        assertRefused(sign(claims(b -> b.issuer("someone-else"))));
        assertRefused(sign(claims(b -> b.issueTime(null))));
        assertRefused(sign(claims(b -> b.subject(null))));
        assertRefused(sign(claims(b -> b.expirationTime(null))));
        assertRefused(sign(claims(b -> b.issueTime(inSeconds(600)))));
        assertRefused(sign(claims(b -> b.claim("access", "everything"))));
    }

    @Test
    void expiryAndNotBeforeHaveAMinuteOfLeeway() {
        assertRefused(sign(claims(b -> b.expirationTime(inSeconds(-61)))));
        assertTrue(verifier.verify(sign(claims(b -> b.expirationTime(inSeconds(-30))))).isPresent());
        assertRefused(sign(claims(b -> b.notBeforeTime(inSeconds(120)))));
        assertTrue(verifier.verify(sign(claims(b -> b.notBeforeTime(inSeconds(30))))).isPresent());
    }

    @Test
    void garbageIsRefused() {
        assertRefused("");
        assertRefused("a.b.c");
        assertRefused("not a token");
    }

    @Test
    void freshnessIsJudgedInWholeSeconds() {
        Instant created = Instant.parse("2026-01-01T10:00:00.700Z");
        assertTrue(token(Instant.parse("2026-01-01T10:00:00Z")).issuedSince(created), "same second");
        assertTrue(!token(Instant.parse("2026-01-01T09:59:59Z")).issuedSince(created), "a second before");
    }

    private static VerifiedToken token(Instant issuedAt) {
        return new VerifiedToken("a", issuedAt, issuedAt.plusSeconds(60), List.of());
    }

    private void assertRefused(String token) {
        assertTrue(verifier.verify(token).isEmpty(), "refused: " + token);
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .issuer("harbor-token-issuer")
                .subject("mallory")
                .audience("harbor-registry")
                .expirationTime(inSeconds(600))
                .notBeforeTime(inSeconds(0))
                .issueTime(inSeconds(0))
                .jwtID("j")
                .claim("access", List.of(Map.of("type", "repository", "name", "library/x", "actions", List.of("pull"))));
        return change.apply(b).build();
    }

    private static Date inSeconds(long seconds) {
        return Date.from(Instant.now().plusSeconds(seconds));
    }

    private static String sign(JWTClaimsSet claims) {
        return sign(claims, keys, keys.keyId());
    }

    private static String sign(JWTClaimsSet claims, SigningKeys with, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
            jwt.sign(new RSASSASigner(with.privateKey()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
