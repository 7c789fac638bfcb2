package io.berth.rbac.control;

import io.berth.platform.api.ApiException;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Robot;
import io.berth.rbac.entity.RobotGrant;
import io.berth.rbac.entity.RobotPermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The form of a robot's permissions, as Harbor's handler checks it ({@code validate} in
 * {@code src/server/v2.0/handler/robot.go}); every failure is a 400 that says which entry is wrong:
 * <ul>
 * <li>at least one permission, each with at least one access;</li>
 * <li>kind {@code system} with namespace {@code /}, or kind {@code project} with a project name or {@code *};</li>
 * <li>a project robot has exactly one permission, of kind {@code project}, on one named project;</li>
 * <li>every resource and action is one Harbor knows, and one a robot may hold ({@link RobotPermissions});</li>
 * <li>effect absent or {@code allow}: Berth has no deny rules.</li>
 * </ul>
 * Whether the caller may grant what is asked is not decided here but in {@link RobotAuthority}.
 */
public final class RequestedGrants {

    private RequestedGrants() {
    }

    /** 400 unless {@code level} is {@code system} or {@code project}; the level. */
    public static String level(String level) {
        if (!Robot.LEVEL_SYSTEM.equals(level) && !Robot.LEVEL_PROJECT.equals(level)) {
            throw ApiException.badRequest("level must be system or project");
        }
        return level;
    }

    /** The grants asked for, in request order without repetitions; 400 for anything malformed. */
    public static List<RequestedGrant> parse(String level, List<RequestedPermission> permissions) {
        if (permissions == null || permissions.isEmpty()) {
            throw ApiException.badRequest("a robot account needs at least one permission");
        }
        if (Robot.LEVEL_PROJECT.equals(level) && permissions.size() != 1) {
            throw ApiException.badRequest("a project robot account has exactly one permission, for its project");
        }
        Set<RequestedGrant> grants = new LinkedHashSet<>();
        for (RequestedPermission permission : permissions) {
            if (permission == null) {
                throw ApiException.badRequest("a permission must not be null");
            }
            String kind = permission.kind();
            String namespace = namespace(kind, permission.namespace());
            if (Robot.LEVEL_PROJECT.equals(level)
                    && (!RobotGrant.KIND_PROJECT.equals(kind) || RobotGrant.ALL_PROJECTS.equals(namespace))) {
                throw ApiException.badRequest("the permission of a project robot account must be of kind project and name its project");
            }
            if (permission.access() == null || permission.access().isEmpty()) {
                throw ApiException.badRequest("the permission for %s %s has no access", kind, namespace);
            }
            for (RequestedPermission.Access access : permission.access()) {
                grants.add(new RequestedGrant(kind, namespace, permission(kind, access)));
            }
        }
        return List.copyOf(grants);
    }

    private static String namespace(String kind, String namespace) {
        if (RobotGrant.KIND_SYSTEM.equals(kind)) {
            if (namespace != null && !namespace.isEmpty() && !RobotGrant.SYSTEM_NAMESPACE.equals(namespace)) {
                throw ApiException.badRequest("the namespace of a system permission is /");
            }
            return RobotGrant.SYSTEM_NAMESPACE;
        }
        if (RobotGrant.KIND_PROJECT.equals(kind)) {
            if (namespace == null || namespace.isEmpty()) {
                throw ApiException.badRequest("a project permission needs a namespace: a project name, or * for every project");
            }
            return namespace;
        }
        throw ApiException.badRequest("the kind of a permission must be system or project");
    }

    private static Permission permission(String kind, RequestedPermission.Access access) {
        if (access == null) {
            throw ApiException.badRequest("an access must not be null");
        }
        if (access.effect() != null && !access.effect().isEmpty() && !"allow".equals(access.effect())) {
            throw ApiException.badRequest("the effect of an access must be allow");
        }
        Permission permission = RobotPermissions.parse(kind, access.resource(), access.action())
                .orElseThrow(() -> ApiException.badRequest("unknown %s permission %s:%s", kind, access.resource(), access.action()));
        if (!RobotPermissions.grantable(kind, permission)) {
            throw ApiException.badRequest("robot accounts cannot hold the %s permission %s:%s", kind,
                    access.resource(), access.action());
        }
        return permission;
    }
}
