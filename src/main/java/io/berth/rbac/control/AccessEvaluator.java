package io.berth.rbac.control;

import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Member;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Role;
import io.berth.rbac.entity.RobotGrant;
import io.berth.rbac.entity.RolePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides what a caller may do, as Harbor's evaluators do: system administrators everything; users the
 * union of their roles in the project (directly and through groups) plus, in a public project, the public
 * permissions; robots exactly their grants; anonymous callers only the public permissions of public projects.
 */
@ApplicationScoped
public class AccessEvaluator {

    @PersistenceContext
    EntityManager em;

    /** Whether {@code caller} may do {@code permission} in {@code project}. */
    public boolean can(Caller caller, Project project, Permission permission) {
        return permissions(caller, project).contains(permission);
    }

    /** Everything {@code caller} may do in {@code project}; for a system administrator, every project permission. */
    public Set<Permission> permissions(Caller caller, Project project) {
        Set<Permission> granted = new HashSet<>();
        if (project.isPublic()) {
            granted.addAll(RolePermissions.PUBLIC_PROJECT);
        }
        switch (caller) {
            case Caller.Anonymous anonymous -> {
                // public permissions only
            }
            case Caller.UserCaller user -> {
                if (user.isSysadmin()) {
                    granted.addAll(RolePermissions.projectPermissions());
                } else {
                    roles(user, project.id()).forEach(role -> granted.addAll(RolePermissions.of(role)));
                }
            }
            case Caller.RobotCaller robot -> {
                for (RobotGrant grant : robot.grants()) {
                    if (grant.covers(project, grant.permission())) {
                        granted.add(grant.permission());
                    }
                }
            }
        }
        return granted;
    }

    /** Whether {@code caller} may do the system-level {@code permission} (users, GC, replication, ...). */
    public boolean canSystem(Caller caller, Permission permission) {
        return switch (caller) {
            case Caller.Anonymous anonymous -> false;
            case Caller.UserCaller user -> user.isSysadmin();
            case Caller.RobotCaller robot -> robot.grants().stream().anyMatch(g -> g.coversSystem(permission));
        };
    }

    /** The roles a user holds in a project, directly or through its groups. */
    public Set<Role> roles(Caller.UserCaller user, long projectId) {
        List<Long> groups = user.groupIds().isEmpty() ? List.of(-1L) : List.copyOf(user.groupIds());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Integer id : em.createNamedQuery(Member.ROLES_OF, Integer.class)
                .setParameter("projectId", projectId)
                .setParameter("userId", user.id())
                .setParameter("groupIds", groups)
                .getResultList()) {
            Role.ofId(id).ifPresent(roles::add);
        }
        return roles;
    }
}
