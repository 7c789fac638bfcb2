/**
 * The Harbor-compatible API of access control: projects ({@code /api/v2.0/projects}), their members, users
 * ({@code /api/v2.0/users}), user groups and the permission catalogue, with one facade each
 * ({@link io.berth.rbac.boundary.Projects}, {@link io.berth.rbac.boundary.Members}, {@link io.berth.rbac.boundary.Users},
 * {@link io.berth.rbac.boundary.UserGroups}, {@link io.berth.rbac.boundary.Permissions}); robot accounts
 * ({@code /api/v2.0/robots}) in the sub-package {@code robots}.
 * <p>
 * Requests arrive as Harbor's JSON records, with the caller that {@code io.berth.auth} put into
 * {@link io.berth.rbac.control.CallerContext}; every facade method takes that caller and authorises before it
 * acts (401 anonymous, 403 not allowed, 404 for what the caller may not even see). Responses are built field by
 * field from entities, so no secret can reach them. Passwords are hashed with
 * {@link io.berth.rbac.control.PasswordHasher}, the one place that knows how; every change to a user or robot
 * leaves as an event of {@code io.berth.events}, so that authentication forgets what it remembered.
 */
package io.berth.rbac.boundary;
