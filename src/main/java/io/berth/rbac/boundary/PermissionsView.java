package io.berth.rbac.boundary;

import java.util.List;

/** Harbor's {@code Permissions}: the system list is left out (null) for callers who are no system administrator. */
public record PermissionsView(List<PermissionView> system, List<PermissionView> project) {
}
