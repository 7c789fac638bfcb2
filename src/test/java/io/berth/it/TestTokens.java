package io.berth.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.berth.auth.control.KeyIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Registry tokens made by the tests themselves, to check what Berth refuses: signed with the server's own key
 * (read from its data directory, where Berth generated it on the first start) but with claims Berth never issues,
 * or signed with a key of the test's own.
 * <pre>
 * String expired = TestTokens.server().sign(TestTokens.claims("admin", "library/x", "pull").expirationTime(past).build());
 * </pre>
 */
final class TestTokens {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private TestTokens(RSAPrivateCrtKey key) {
        this.privateKey = key;
        try {
            this.publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key the shared server signs with: {@code <data dir>/keys/token-private.pem}. */
    static TestTokens server() {
        Path file = BerthServer.shared().dataDirectory().resolve("keys").resolve("token-private.pem");
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return new TestTokens((RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body))));
        } catch (IOException e) {
            throw new UncheckedIOException("the server's token key should be in " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh 2048-bit key no server knows. */
    static TestTokens foreign() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestTokens((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The libtrust key ID of this key, as Berth puts it in {@code kid}. */
    String keyId() {
        return KeyIds.libtrust(publicKey);
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** RS256 with this key and its own key ID. */
    String sign(JWTClaimsSet claims) {
        return sign(claims, keyId());
    }

    /** RS256 with this key and the given {@code kid}. */
    String sign(JWTClaimsSet claims, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
            jwt.sign(new RSASSASigner(privateKey));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims Berth would issue to {@code subject} for {@code actions} on {@code repository}, valid for ten minutes. */
    static JWTClaimsSet.Builder claims(String subject, String repository, String... actions) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("harbor-token-issuer")
                .subject(subject)
                .audience("harbor-registry")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("access", List.of(Map.of("type", "repository", "name", repository, "actions", List.of(actions))));
    }

    /** The {@code Authorization} header for a token. */
    static String bearer(String token) {
        return "Bearer " + token;
    }
}
