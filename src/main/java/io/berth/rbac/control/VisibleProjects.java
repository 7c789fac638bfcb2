package io.berth.rbac.control;

import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Member;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.RobotGrant;
import io.berth.rbac.entity.Role;
import io.berth.rbac.entity.RolePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The projects in which a caller holds a permission, for lists that span projects ({@code GET /repositories},
 * search, statistics): the caller's public projects, memberships (direct and through groups) and robot grants,
 * checked against the permission table. Empty {@link Optional} means every project (system administrators and
 * robots granted all projects), so such lists need no {@code IN} clause at all.
 */
@ApplicationScoped
public class VisibleProjects {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessEvaluator access;

    /** The ids of the projects {@code caller} may do {@code permission} in, or empty for all of them. */
    public Optional<List<Long>> ids(Caller caller, Permission permission) {
        if (caller.isSysadmin()) {
            return Optional.empty();
        }
        if (caller instanceof Caller.RobotCaller robot && robot.grants().stream().anyMatch(
                g -> RobotGrant.KIND_PROJECT.equals(g.kind()) && RobotGrant.ALL_PROJECTS.equals(g.namespace())
                        && g.permission().equals(permission))) {
            return Optional.empty();
        }
        Set<Long> candidates = new LinkedHashSet<>(em.createQuery(
                "SELECT p.id FROM Project p WHERE p.publicAccess = TRUE", Long.class).getResultList());
        switch (caller) {
            case Caller.UserCaller user -> candidates.addAll(em.createQuery("SELECT DISTINCT m.projectId FROM Member m"
                            + " WHERE (m.entityType = :user AND m.entityId = :userId) OR (m.entityType = :group AND m.entityId IN :groupIds)",
                            Long.class)
                    .setParameter("user", Member.USER).setParameter("group", Member.GROUP).setParameter("userId", user.id())
                    .setParameter("groupIds", user.groupIds().isEmpty() ? List.of(-1L) : List.copyOf(user.groupIds()))
                    .getResultList());
            case Caller.RobotCaller robot -> {
                List<String> names = robot.grants().stream().filter(g -> RobotGrant.KIND_PROJECT.equals(g.kind()))
                        .map(RobotGrant::namespace).distinct().toList();
                if (!names.isEmpty()) {
                    candidates.addAll(em.createQuery("SELECT p.id FROM Project p WHERE p.name IN :names", Long.class)
                            .setParameter("names", names).getResultList());
                }
            }
            case Caller.Anonymous anonymous -> {
                // public projects only
            }
        }
        if (candidates.isEmpty()) {
            return Optional.of(List.of());
        }
        if (!(caller instanceof Caller.RobotCaller) && RolePermissions.PUBLIC_PROJECT.contains(permission)
                && RolePermissions.of(Role.LIMITED_GUEST).contains(permission)) {
            // Every role and every public project grants it: no need to look at each project's roles.
            return Optional.of(List.copyOf(candidates));
        }
        List<Long> allowed = new ArrayList<>();
        for (Project project : em.createQuery("SELECT p FROM Project p WHERE p.id IN :ids", Project.class)
                .setParameter("ids", candidates).getResultList()) {
            if (access.can(caller, project, permission)) {
                allowed.add(project.id());
            }
        }
        return Optional.of(allowed);
    }
}
