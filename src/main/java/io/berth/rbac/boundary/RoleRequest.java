package io.berth.rbac.boundary;

/** Harbor's {@code RoleRequest}. */
public record RoleRequest(Integer roleId) {
}
