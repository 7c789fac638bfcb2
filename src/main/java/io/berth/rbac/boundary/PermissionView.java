package io.berth.rbac.boundary;

import io.berth.rbac.entity.Permission;

/** Harbor's {@code Permission}: a resource (possibly a path such as {@code /project/1/repository}) and an action. */
public record PermissionView(String resource, String action) {

    static PermissionView of(Permission permission) {
        return new PermissionView(permission.resource().value(), permission.action().value());
    }
}
