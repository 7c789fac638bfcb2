/**
 * Role-based access: projects (the namespaces repositories live in), users, groups, project members with
 * Harbor's five roles, robot accounts, and the permission table that says what each role may do.
 * <p>
 * The registry reads projects from here to resolve the first component of a repository name; authentication
 * ({@code io.berth.auth}) hands in a {@link io.berth.rbac.entity.Caller} and asks
 * {@link io.berth.rbac.control.AccessEvaluator} what it may do; the Harbor-compatible API in {@code boundary}
 * manages all of it.
 * <p>
 * Uses {@code io.berth.platform} and {@code io.berth.events} only; every capability above it (registry, audit,
 * auth, quota, gc) uses it, and it hears from them through nothing but the SPI {@code control.ProjectQuotas}.
 */
package io.berth.rbac;
