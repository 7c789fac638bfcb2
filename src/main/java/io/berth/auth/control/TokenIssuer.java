package io.berth.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.berth.auth.entity.IssuedToken;
import io.berth.auth.entity.ResourceScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs registry tokens as Harbor does: RS256 with the {@link SigningKeys} key, {@code kid} its libtrust ID, claims
 * {@code iss}, {@code sub} (empty for anonymous), {@code aud} (one string, {@code harbor-registry}), {@code exp},
 * {@code nbf} = {@code iat} = now (whole seconds), a random {@code jti} and {@code access} = the granted scopes.
 * Tokens are bearer secrets: nothing here logs them.
 */
@ApplicationScoped
public class TokenIssuer {

    private final SecureRandom random = new SecureRandom();

    @Inject
    SigningKeys keys;

    @Inject
    TokenPolicy policy;

    /** A signed token for {@code subject} granting {@code access}. */
    public IssuedToken issue(String subject, List<ResourceScope> access) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Duration lifetime = policy.expiration();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(policy.issuer())
                .subject(subject)
                .audience(TokenPolicy.SERVICE)
                .expirationTime(Date.from(now.plus(lifetime)))
                .notBeforeTime(Date.from(now))
                .issueTime(Date.from(now))
                .jwtID(jwtId())
                .claim("access", accessClaim(access))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(keys.keyId())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(keys.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a registry token", e);
        }
        return new IssuedToken(jwt.serialize(), lifetime.toSeconds(), now);
    }

    /** {@code [{"type","name","actions":[...]}]}, as distribution's {@code ResourceActions}. */
    static List<Map<String, Object>> accessClaim(List<ResourceScope> access) {
        List<Map<String, Object>> claim = new ArrayList<>(access.size());
        for (ResourceScope scope : access) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", scope.type());
            entry.put("name", scope.name());
            entry.put("actions", List.copyOf(scope.actions()));
            claim.add(entry);
        }
        return claim;
    }

    private String jwtId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
