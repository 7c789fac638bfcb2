package io.berth.auth.entity;

import java.time.Instant;

/**
 * A signed registry token as the token service hands it out.
 *
 * @param token     the compact JWT (a bearer secret: never logged)
 * @param expiresIn seconds until it expires
 * @param issuedAt  when it was issued, whole seconds, as its {@code iat}
 */
public record IssuedToken(String token, long expiresIn, Instant issuedAt) {

    @Override
    public String toString() {
        return "IssuedToken[expiresIn=" + expiresIn + ", issuedAt=" + issuedAt + "]";
    }
}
