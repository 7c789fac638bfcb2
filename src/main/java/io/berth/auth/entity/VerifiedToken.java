package io.berth.auth.entity;

import java.time.Instant;
import java.util.List;

/**
 * A registry token whose signature, issuer, audience and validity period have been checked: who it was issued to
 * and what it grants. Only {@code io.berth.auth.control.TokenVerifier} makes these.
 *
 * @param subject   the {@code sub} claim: a user or robot name, empty for anonymous
 * @param issuedAt  the {@code iat} claim; tokens issued before a project was created are not valid for it
 * @param expiresAt the {@code exp} claim
 * @param access    the {@code access} claim
 */
public record VerifiedToken(String subject, Instant issuedAt, Instant expiresAt, List<ResourceScope> access) {

    public VerifiedToken {
        access = List.copyOf(access);
    }

    /** Whether the token grants {@code action} on the resource {@code type}/{@code name}. */
    public boolean allows(String type, String name, String action) {
        for (ResourceScope scope : access) {
            if (scope.allows(type, name, action)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the token may be used for a project created at {@code projectCreated}. {@code iat} has whole
     * seconds, so the comparison is at that precision: a token is refused if it was issued in an earlier second
     * than the project was created (Harbor #22900: a project deleted and created again under the same name
     * must not accept tokens issued for its predecessor).
     */
    public boolean issuedSince(Instant projectCreated) {
        return issuedAt.getEpochSecond() >= projectCreated.getEpochSecond();
    }
}
