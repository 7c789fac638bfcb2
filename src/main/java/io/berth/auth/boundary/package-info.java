/**
 * The HTTP face of authentication: the filters in front of {@code /v2/} and {@code /api/}, the token
 * service at {@code /service/token}, console login and logout at {@code /c/login} and {@code /c/log_out},
 * each of which leaves the caller in {@link io.berth.rbac.control.CallerContext} for everyone else. On {@code /api/},
 * {@link io.berth.auth.boundary.ApiAuthenticationFilter} takes HTTP Basic or the console session, and requires the
 * session's CSRF token ({@code X-Harbor-CSRF-Token}) for every state change made with the cookie.
 */
package io.berth.auth.boundary;
