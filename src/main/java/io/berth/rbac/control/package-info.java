/**
 * Authorisation decisions: {@link io.berth.rbac.control.AccessEvaluator} answers whether a
 * {@link io.berth.rbac.entity.Caller} may do something in a project or in the system, from the role table,
 * project membership (direct or through groups), publicity and robot grants;
 * {@link io.berth.rbac.control.ProjectGuard} applies it to a project path (404 for what the caller may not see).
 * Rules on input live here too: user fields and passwords ({@link io.berth.rbac.control.UserRules}), Harbor's
 * {@code q}/{@code sort} on an allow-list ({@link io.berth.platform.api.ListQuery}).
 * Robot accounts have their own: the form of a request ({@link io.berth.rbac.control.RobotRules},
 * {@link io.berth.rbac.control.RequestedGrants}) and who may grant what ({@link io.berth.rbac.control.RobotAuthority}).
 * <p>
 * The request's caller is held by {@link io.berth.rbac.control.CallerContext}: authentication ({@code io.berth.auth},
 * which sits above this package) sets it, every capability reads it. Decisions leave as booleans, permission sets
 * or {@link io.berth.platform.api.ApiException}s; {@link io.berth.rbac.control.SystemAccess} is the gate of the
 * system-level endpoints. Secrets are hashed by {@link io.berth.rbac.control.PasswordHasher} (PBKDF2,
 * constant-time comparison), and {@link io.berth.rbac.control.AdminBootstrap} creates {@code admin} on the first start.
 */
package io.berth.rbac.control;
