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
 * Callers come in from authentication ({@code io.berth.auth}); decisions leave as booleans, permission sets or
 * {@link io.berth.platform.api.ApiException}s.
 */
package io.berth.rbac.control;
