package io.berth.rbac.control;

import io.berth.platform.api.ApiException;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the {@code {project_name_or_id}} of a project path and checks the caller against it, the same way
 * for every project sub-resource:
 * <ul>
 * <li>missing, or invisible to the caller (no permission at all in it: a private project it is no member
 * of) → 404 with the same message, so private project names and ids cannot be probed (CVE-2019-19030);</li>
 * <li>visible but without the permission asked → 401 for anonymous callers, else 403.</li>
 * </ul>
 * As Harbor ({@code X-Is-Resource-Name}), a path segment of digits is an id unless the caller says it is a name.
 */
@ApplicationScoped
public class ProjectGuard {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessEvaluator access;

    /** The project {@code permission} may be exercised in; see the class comment for the refusals. */
    public Project require(Caller caller, String nameOrId, boolean isName, Permission permission) {
        Project project = find(nameOrId, isName)
                .filter(p -> visible(caller, p))
                .orElseThrow(() -> notFound(nameOrId));
        if (!access.can(caller, project, permission)) {
            throw AccessDenied.of(caller, "not allowed to %s %s in project %s", permission.action().value(),
                    permission.resource().value().isEmpty() ? "the project" : permission.resource().value(), nameOrId);
        }
        return project;
    }

    /** Whether {@code caller} holds any permission in {@code project}, i.e. may know it exists. */
    public boolean visible(Caller caller, Project project) {
        Set<Permission> permissions = access.permissions(caller, project);
        return !permissions.isEmpty();
    }

    public Optional<Project> find(String nameOrId, boolean isName) {
        if (nameOrId == null || nameOrId.isEmpty()) {
            return Optional.empty();
        }
        if (!isName && nameOrId.matches("\\d{1,18}")) {
            return Optional.ofNullable(em.find(Project.class, Long.parseLong(nameOrId)));
        }
        return em.createNamedQuery(Project.FIND_BY_NAME, Project.class)
                .setParameter("name", nameOrId)
                .getResultStream().findFirst();
    }

    public static ApiException notFound(String nameOrId) {
        return ApiException.notFound("project %s not found", nameOrId);
    }
}
