/**
 * The project API ({@code /api/v2.0/projects}) and the {@link io.berth.rbac.boundary.Projects} facade behind it.
 * <p>
 * Requests arrive as Harbor's JSON ({@code ProjectReq}) and leave as Harbor's {@code Project}; the facade owns
 * the transactions. Authorisation joins here with the identity issue; until then the API is open, as the
 * registry is.
 */
package io.berth.rbac.boundary;
