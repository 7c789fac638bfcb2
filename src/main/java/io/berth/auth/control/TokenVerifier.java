package io.berth.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.berth.auth.entity.ResourceScope;
import io.berth.auth.entity.VerifiedToken;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks registry tokens presented on {@code /v2/}: only RS256, only Berth's own key (by {@code kid}, and the
 * signature with that key; {@code alg: none}, HMAC and keys named inside the token are never used), the issuer, the
 * audience {@code harbor-registry}, {@code exp} and {@code nbf} with {@link TokenPolicy#LEEWAY}, and that {@code iat}
 * is present and not in the future. Whether the token is fresh enough for a project, and whether its
 * {@code access} covers a request, is the caller's business ({@link RegistryAuthorizer}).
 * <p>
 * A client sends one token on many requests (every layer of a pull), and an RSA verification costs far more than
 * the rest of a small request, so tokens that passed are remembered, keyed by the token string, until they expire;
 * the cache is bounded by {@link #MAX_CACHED} (expired entries are swept first, then it is emptied). Rejections are
 * not cached, and nothing here logs a token.
 */
@ApplicationScoped
public class TokenVerifier {

    static final int MAX_CACHED = 10_000;
    private static final Logger LOGGER = Logger.getLogger(TokenVerifier.class.getName());

    @Inject
    SigningKeys keys;

    @Inject
    TokenPolicy policy;

    private final Map<String, VerifiedToken> verified = new ConcurrentHashMap<>();
    private RSASSAVerifier signature;

    @PostConstruct
    void init() {
        signature = new RSASSAVerifier(keys.publicKey());
    }

    /** The token's claims if it is genuine and valid now; empty otherwise. */
    public Optional<VerifiedToken> verify(String token) {
        Instant now = Instant.now();
        VerifiedToken hit = verified.get(token);
        if (hit != null) {
            if (now.isBefore(hit.expiresAt().plus(TokenPolicy.LEEWAY))) {
                return Optional.of(hit);
            }
            verified.remove(token);
            return Optional.empty();
        }
        Optional<VerifiedToken> result = check(token, now);
        result.ifPresent(v -> remember(token, v, now));
        return result;
    }

    private Optional<VerifiedToken> check(String token, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
                return reject("algorithm " + header.getAlgorithm());
            }
            if (!keys.keyId().equals(header.getKeyID())) {
                return reject("unknown key id");
            }
            if (!jwt.verify(signature)) {
                return reject("bad signature");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!policy.issuer().equals(claims.getIssuer())) {
                return reject("issuer");
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(TokenPolicy.SERVICE)) {
                return reject("audience");
            }
            Date exp = claims.getExpirationTime();
            Date nbf = claims.getNotBeforeTime();
            Date iat = claims.getIssueTime();
            if (exp == null || now.isAfter(exp.toInstant().plus(TokenPolicy.LEEWAY))) {
                return reject("expired");
            }
            if (nbf != null && now.isBefore(nbf.toInstant().minus(TokenPolicy.LEEWAY))) {
                return reject("not yet valid");
            }
            if (iat == null || now.isBefore(iat.toInstant().minus(TokenPolicy.LEEWAY))) {
                return reject("no or future iat");
            }
            if (claims.getSubject() == null) {
                return reject("no subject");
            }
            return Optional.of(new VerifiedToken(claims.getSubject(), iat.toInstant(), exp.toInstant(),
                    access(claims.getClaim("access"))));
        } catch (ParseException | JOSEException | IllegalArgumentException | ClassCastException e) {
            return reject("unreadable: " + e.getClass().getSimpleName());
        }
    }

    /** The {@code access} claim: a list of {@code {type, name, actions[]}}; absent means nothing. */
    static List<ResourceScope> access(Object claim) {
        if (claim == null) {
            return List.of();
        }
        List<ResourceScope> access = new ArrayList<>();
        for (Object item : (Collection<?>) claim) {
            Map<?, ?> entry = (Map<?, ?>) item;
            Set<String> actions = new LinkedHashSet<>();
            Object list = entry.get("actions");
            if (list != null) {
                for (Object action : (Collection<?>) list) {
                    actions.add((String) action);
                }
            }
            String type = (String) entry.get("type");
            String name = (String) entry.get("name");
            if (type == null || name == null) {
                throw new IllegalArgumentException("access entry without type or name");
            }
            access.add(new ResourceScope(type, name, actions));
        }
        return access;
    }

    private void remember(String token, VerifiedToken claims, Instant now) {
        if (verified.size() >= MAX_CACHED) {
            verified.values().removeIf(v -> now.isAfter(v.expiresAt().plus(TokenPolicy.LEEWAY)));
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
        }
        verified.put(token, claims);
    }

    private static Optional<VerifiedToken> reject(String why) {
        LOGGER.log(Level.FINE, "Refused a registry token: {0}", why);
        return Optional.empty();
    }
}
