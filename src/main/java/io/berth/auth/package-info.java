/**
 * Authentication: who is calling. Credentials (Basic, a session cookie with its CSRF token, a Bearer
 * token) enter through servlet filters in front of {@code /v2/} and {@code /api/}; what leaves is a
 * {@link io.berth.rbac.entity.Caller} in {@link io.berth.auth.boundary.CallerContext}, which the rest of Berth
 * authorises with {@code io.berth.rbac}. The Docker token service ({@code /service/token}), password hashing,
 * login throttling, signing keys and the identity stores (database, LDAP) live here.
 */
package io.berth.auth;
