/**
 * Authorisation decisions: {@link io.berth.rbac.control.AccessEvaluator} answers whether a
 * {@link io.berth.rbac.entity.Caller} may do something in a project or in the system, from the role table,
 * project membership (direct or through groups), publicity and robot grants.
 * <p>
 * Callers come in from authentication ({@code io.berth.auth}); decisions leave as booleans or permission sets.
 */
package io.berth.rbac.control;
