package io.berth.rbac.entity;

import static io.berth.rbac.entity.Action.CREATE;
import static io.berth.rbac.entity.Action.DELETE;
import static io.berth.rbac.entity.Action.LIST;
import static io.berth.rbac.entity.Action.READ;
import static io.berth.rbac.entity.Action.STOP;
import static io.berth.rbac.entity.Action.UPDATE;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a robot account may hold at all, whoever creates it: Harbor's {@code NolimitProvider}
 * ({@code src/common/rbac/const.go}, v2.12 and later), which is {@code PoliciesMap} plus robot, member, user and
 * group management. Anything else is refused as a bad request, even for a system administrator.
 * <ul>
 * <li>Project scope: every permission of the table's top row ({@link RolePermissions#projectPermissions()}: a
 * Project Admin's, members included) except {@code robot:update}.</li>
 * <li>System scope: Harbor's system policies (registries, replication, GC, audit purge, scanners, labels, quotas,
 * ...) plus robot, user, user-group and LDAP-user management and CVE export; never {@code configuration}.</li>
 * </ul>
 * {@code robot:update} is left out at both levels, as Harbor has done since v2.12 (PR #21028): a robot that could
 * update robots could raise its own or another robot's rights (Harbor issues #18636, #21026).
 * <p>
 * On the wire the project itself is the resource {@code project} inside a project permission (Harbor's
 * spelling), which is {@link Resource#PROJECT_SELF} in the role table; {@code project} in a system permission is
 * the system resource {@link Resource#PROJECT} (listing and creating projects).
 */
public final class RobotPermissions {

    private static final Permission ROBOT_UPDATE = Permission.of(Resource.ROBOT, UPDATE);

    /** What a robot may hold in a project. */
    public static final Set<Permission> PROJECT = Collections.unmodifiableSet(project());

    /** What a robot may hold at system level. */
    public static final Set<Permission> SYSTEM = Collections.unmodifiableSet(system());

    private RobotPermissions() {
    }

    /**
     * The permission a robot request names in a permission of {@code kind}; empty when the kind, resource or action
     * is unknown. Whether it may be granted is {@link #grantable}.
     */
    public static Optional<Permission> parse(String kind, String resource, String action) {
        if (resource == null || action == null) {
            return Optional.empty();
        }
        Optional<Action> a = Action.ofValue(action);
        Optional<Resource> r = RobotGrant.KIND_PROJECT.equals(kind) && Resource.PROJECT.value().equals(resource)
                ? Optional.of(Resource.PROJECT_SELF)
                : Resource.ofValue(resource);
        return r.isPresent() && a.isPresent() ? Optional.of(Permission.of(r.get(), a.get())) : Optional.empty();
    }

    /** Whether a robot may hold {@code permission} in a permission of {@code kind} ({@code system} or {@code project}). */
    public static boolean grantable(String kind, Permission permission) {
        return switch (kind) {
            case RobotGrant.KIND_PROJECT -> PROJECT.contains(permission);
            case RobotGrant.KIND_SYSTEM -> SYSTEM.contains(permission);
            default -> false;
        };
    }

    /** The resource as Harbor's robot API spells it in a permission of {@code kind}. */
    public static String wireResource(String kind, Permission permission) {
        return RobotGrant.KIND_PROJECT.equals(kind) && permission.resource() == Resource.PROJECT_SELF
                ? Resource.PROJECT.value()
                : permission.resource().value();
    }

    private static Set<Permission> project() {
        Set<Permission> all = new LinkedHashSet<>(RolePermissions.projectPermissions());
        all.remove(ROBOT_UPDATE);
        return all;
    }

    private static Set<Permission> system() {
        Set<Permission> all = new LinkedHashSet<>();
        // PoliciesMap["System"]
        add(all, Resource.AUDIT_LOG, LIST);
        add(all, Resource.PREHEAT_INSTANCE, READ, CREATE, DELETE, LIST, UPDATE);
        add(all, Resource.PROJECT, LIST, CREATE);
        add(all, Resource.REPLICATION_POLICY, READ, CREATE, DELETE, LIST, UPDATE);
        add(all, Resource.REPLICATION, READ, CREATE, LIST);
        add(all, Resource.REPLICATION_ADAPTER, LIST);
        add(all, Resource.REGISTRY, READ, CREATE, DELETE, LIST, UPDATE);
        add(all, Resource.SCAN_ALL, READ, UPDATE, STOP, CREATE);
        add(all, Resource.SYSTEM_VOLUMES, READ);
        add(all, Resource.GARBAGE_COLLECTION, READ, CREATE, LIST, UPDATE, STOP);
        add(all, Resource.PURGE_AUDIT, READ, CREATE, LIST, UPDATE, STOP);
        add(all, Resource.JOBSERVICE_MONITOR, LIST, STOP);
        add(all, Resource.SCANNER, READ, CREATE, DELETE, LIST, UPDATE);
        add(all, Resource.LABEL, READ, CREATE, DELETE, UPDATE);
        add(all, Resource.SECURITY_HUB, READ, LIST);
        add(all, Resource.CATALOG, READ);
        add(all, Resource.QUOTA, READ, LIST);
        // NolimitProvider's additions for ScopeSystem
        add(all, Resource.ROBOT, CREATE, READ, LIST, DELETE);
        add(all, Resource.USER, CREATE, READ, UPDATE, LIST, DELETE);
        add(all, Resource.LDAP_USER, CREATE, LIST);
        add(all, Resource.EXPORT_CVE, CREATE, READ);
        add(all, Resource.QUOTA, UPDATE);
        add(all, Resource.USER_GROUP, CREATE, READ, UPDATE, LIST, DELETE);
        return all;
    }

    private static void add(Set<Permission> all, Resource resource, Action... actions) {
        for (Action action : actions) {
            all.add(Permission.of(resource, action));
        }
    }
}
