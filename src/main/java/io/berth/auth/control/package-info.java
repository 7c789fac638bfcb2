/**
 * How credentials are checked and tokens made and judged: the identity stores behind {@link io.berth.auth.control.IdentityStore}, the
 * {@link io.berth.auth.control.Authenticator} that picks one and throttles repeated failures; the token signing key
 * ({@link io.berth.auth.control.SigningKeys}), the scopes a caller is granted ({@link io.berth.auth.control.ScopeGrants}),
 * {@link io.berth.auth.control.TokenIssuer} and {@link io.berth.auth.control.TokenVerifier}; and
 * {@link io.berth.auth.control.RegistryAuthorizer}, which decides a {@code /v2/} request. Authorisation itself is
 * {@code io.berth.rbac}'s; this package only maps it onto registry scopes.
 * Hashes are checked with {@code io.berth.rbac}'s {@link io.berth.rbac.control.PasswordHasher}, which made them.
 */
package io.berth.auth.control;
