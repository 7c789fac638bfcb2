package io.berth.rbac.entity;

import static io.berth.rbac.entity.Action.CREATE;
import static io.berth.rbac.entity.Action.DELETE;
import static io.berth.rbac.entity.Action.LIST;
import static io.berth.rbac.entity.Action.OPERATE;
import static io.berth.rbac.entity.Action.PULL;
import static io.berth.rbac.entity.Action.PUSH;
import static io.berth.rbac.entity.Action.READ;
import static io.berth.rbac.entity.Action.STOP;
import static io.berth.rbac.entity.Action.UPDATE;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The project permission table: which role may do what inside a project. It is data, written the way
 * Harbor's {@code rolePoliciesMap} ({@code src/common/rbac/project/rbac_role.go}, v2.16) reads, minus the
 * Helm-chart rows Harbor removed with ChartMuseum. System administrators bypass it; anonymous callers and
 * non-members of a public project get {@link #PUBLIC_PROJECT}.
 * <pre>
 *   role            adds to the role above it
 *   LIMITED_GUEST   pull and read artifacts; nothing about members, labels or robots
 *   GUEST           + read members, labels, robots, repositories
 *   DEVELOPER       + push, tag, label artifacts, tag retention, CVE export
 *   MAINTAINER      + delete artifacts/tags/repositories, labels, immutable tags, scans, read metadata and webhooks
 *   PROJECT_ADMIN   + members, metadata, project update/delete, logs, robots, webhooks, scanner, preheat
 * </pre>
 */
public final class RolePermissions {

    private static final Map<Role, Set<Permission>> TABLE = new EnumMap<>(Role.class);

    /** What everyone, anonymous included, may do in a public project (Harbor's {@code publicProjectPolicies}). */
    public static final Set<Permission> PUBLIC_PROJECT = Collections.unmodifiableSet(permissions(
            grant(Resource.PROJECT_SELF, READ),
            grant(Resource.LABEL, READ, LIST),
            grant(Resource.REPOSITORY, LIST, PULL),
            grant(Resource.SCAN, READ),
            grant(Resource.SCANNER, READ),
            grant(Resource.TAG, LIST),
            grant(Resource.ARTIFACT, READ, LIST),
            grant(Resource.ARTIFACT_ADDITION, READ),
            grant(Resource.ACCESSORY, LIST)));

    static {
        Set<Permission> limitedGuest = permissions(
                grant(Resource.PROJECT_SELF, READ),
                grant(Resource.QUOTA, READ),
                grant(Resource.REPOSITORY, LIST, PULL),
                grant(Resource.CONFIGURATION, READ),
                grant(Resource.SCAN, READ),
                grant(Resource.SBOM, READ),
                grant(Resource.SCANNER, READ),
                grant(Resource.TAG, LIST),
                grant(Resource.ACCESSORY, LIST),
                grant(Resource.ARTIFACT, READ, LIST),
                grant(Resource.ARTIFACT_ADDITION, READ));
        Set<Permission> guest = extend(limitedGuest,
                grant(Resource.MEMBER, READ, LIST),
                grant(Resource.LABEL, READ, LIST),
                grant(Resource.REPOSITORY, READ),
                grant(Resource.ROBOT, READ, LIST));
        Set<Permission> developer = extend(guest,
                grant(Resource.REPOSITORY, CREATE, UPDATE, PUSH),
                grant(Resource.TAG_RETENTION, CREATE, READ, UPDATE, DELETE, LIST, OPERATE),
                grant(Resource.ARTIFACT, CREATE),
                grant(Resource.TAG, CREATE),
                grant(Resource.ARTIFACT_LABEL, CREATE, DELETE),
                grant(Resource.EXPORT_CVE, CREATE, READ, LIST));
        Set<Permission> maintainer = extend(developer,
                grant(Resource.REPOSITORY, DELETE),
                grant(Resource.ARTIFACT, DELETE),
                grant(Resource.TAG, DELETE),
                grant(Resource.METADATA, READ),
                grant(Resource.LABEL, CREATE, UPDATE, DELETE),
                grant(Resource.IMMUTABLE_TAG, CREATE, UPDATE, DELETE, LIST),
                grant(Resource.SCAN, CREATE, STOP),
                grant(Resource.SBOM, CREATE, STOP),
                grant(Resource.NOTIFICATION_POLICY, READ, LIST));
        Set<Permission> projectAdmin = extend(maintainer,
                grant(Resource.PROJECT_SELF, UPDATE, DELETE),
                grant(Resource.MEMBER, CREATE, UPDATE, DELETE),
                grant(Resource.METADATA, CREATE, UPDATE, DELETE),
                grant(Resource.LOG, LIST),
                grant(Resource.CONFIGURATION, UPDATE),
                grant(Resource.ROBOT, CREATE, UPDATE, DELETE),
                grant(Resource.NOTIFICATION_POLICY, CREATE, UPDATE, DELETE),
                grant(Resource.SCANNER, CREATE),
                grant(Resource.PREHEAT_POLICY, CREATE, READ, UPDATE, DELETE, LIST));
        TABLE.put(Role.LIMITED_GUEST, Collections.unmodifiableSet(limitedGuest));
        TABLE.put(Role.GUEST, Collections.unmodifiableSet(guest));
        TABLE.put(Role.DEVELOPER, Collections.unmodifiableSet(developer));
        TABLE.put(Role.MAINTAINER, Collections.unmodifiableSet(maintainer));
        TABLE.put(Role.PROJECT_ADMIN, Collections.unmodifiableSet(projectAdmin));
    }

    private RolePermissions() {
    }

    /** Everything {@code role} may do in its project. */
    public static Set<Permission> of(Role role) {
        return TABLE.get(role);
    }

    /** Whether {@code role} grants {@code permission}. */
    public static boolean allows(Role role, Permission permission) {
        return TABLE.get(role).contains(permission);
    }

    /** Every permission any role can hold in a project: the bound for project-level robot accounts. */
    public static Set<Permission> projectPermissions() {
        return TABLE.get(Role.PROJECT_ADMIN);
    }

    private static Set<Permission> grant(Resource resource, Action... actions) {
        Set<Permission> set = new LinkedHashSet<>();
        for (Action action : actions) {
            set.add(Permission.of(resource, action));
        }
        return set;
    }

    @SafeVarargs
    private static Set<Permission> permissions(Set<Permission>... groups) {
        Set<Permission> all = new LinkedHashSet<>();
        for (Set<Permission> group : groups) {
            all.addAll(group);
        }
        return all;
    }

    @SafeVarargs
    private static Set<Permission> extend(Set<Permission> base, Set<Permission>... groups) {
        Set<Permission> all = new LinkedHashSet<>(base);
        for (Set<Permission> group : groups) {
            all.addAll(group);
        }
        return all;
    }
}
