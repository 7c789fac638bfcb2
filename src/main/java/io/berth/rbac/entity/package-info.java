/**
 * Persistent RBAC state: {@link io.berth.rbac.entity.Project} and its metadata.
 * <p>
 * Entities carry their named queries; the schema itself is owned by the Flyway migrations.
 */
package io.berth.rbac.entity;
