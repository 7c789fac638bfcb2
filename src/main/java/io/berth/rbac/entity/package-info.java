/**
 * Persistent RBAC state and its vocabulary: projects, users, groups, members, robot accounts,
 * the roles, resources and actions of Harbor's permission model, and the role table itself
 * ({@link io.berth.rbac.entity.RolePermissions}), with what robot accounts may hold at all
 * ({@link io.berth.rbac.entity.RobotPermissions}).
 * <p>
 * Entities carry their named queries; the schema itself is owned by the Flyway migrations.
 */
package io.berth.rbac.entity;
