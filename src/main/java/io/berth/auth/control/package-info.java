/**
 * How credentials are checked: {@link io.berth.auth.control.PasswordHasher} (PBKDF2, constant-time
 * comparison), the identity stores behind {@link io.berth.auth.control.IdentityStore}, and the
 * {@link io.berth.auth.control.Authenticator} that picks one and throttles repeated failures.
 */
package io.berth.auth.control;
