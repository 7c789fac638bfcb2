/**
 * Authentication: who is calling. Credentials (Basic, a session cookie with its CSRF token, a Bearer
 * token) enter through servlet filters in front of {@code /v2/} and {@code /api/}; what leaves is a
 * {@link io.berth.rbac.entity.Caller} in {@link io.berth.rbac.control.CallerContext}, which the rest of Berth
 * authorises with {@code io.berth.rbac}. The Docker token service ({@code /service/token}),
 * login throttling, signing keys and the identity stores (database, LDAP) live here.
 * <p>
 * Uses {@code io.berth.registry} (the {@code /v2/} URL grammar, repository names and the OCI error shape),
 * {@code io.berth.rbac}, {@code io.berth.platform} and {@code io.berth.events}.
 */
package io.berth.auth;
