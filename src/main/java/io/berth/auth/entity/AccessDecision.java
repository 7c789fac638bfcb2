package io.berth.auth.entity;

import io.berth.rbac.entity.Caller;
import io.berth.registry.entity.RequestGrant;

/**
 * The answer to a {@code /v2/} request's authorisation: let it through (with the caller and what the registry
 * needs to know), challenge it ({@code 401}: fresh credentials or a new token may help) or deny it ({@code 403}:
 * the caller is known and lacks the right, and authenticating again cannot change that).
 *
 * @param outcome which of the three
 * @param caller  the authenticated caller, for {@link Outcome#ALLOW}
 * @param grant   what the registry is told, for {@link Outcome#ALLOW}
 * @param error   for a challenge, the RFC 6750 {@code error} ({@code invalid_token}, {@code insufficient_scope}) or null
 * @param reason  why, for the error body's detail and the log; never contains a secret
 */
public record AccessDecision(Outcome outcome, Caller caller, RequestGrant grant, String error, String reason) {

    /** The three answers. */
    public enum Outcome {
        ALLOW,
        CHALLENGE,
        DENY
    }

    public static final String INVALID_TOKEN = "invalid_token";
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";

    public static AccessDecision allow(Caller caller, RequestGrant grant) {
        return new AccessDecision(Outcome.ALLOW, caller, grant, null, null);
    }

    public static AccessDecision challenge(String error, String reason) {
        return new AccessDecision(Outcome.CHALLENGE, null, null, error, reason);
    }

    public static AccessDecision deny(String reason) {
        return new AccessDecision(Outcome.DENY, null, null, null, reason);
    }
}
