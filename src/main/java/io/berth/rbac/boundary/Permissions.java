package io.berth.rbac.boundary;

import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.rbac.control.AccessDenied;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Member;
import io.berth.rbac.entity.PermissionCatalog;
import io.berth.rbac.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The permission catalogue ({@code GET /api/v2.0/permissions}), as Harbor shows it: to system administrators
 * both scopes, to project administrators the project scope (what they can hand to project robots), to
 * everyone else nothing (403).
 */
@ApplicationScoped
public class Permissions {

    @PersistenceContext
    EntityManager em;

    public PermissionsView catalogue(Caller caller) {
        AccessDenied.requireAuthenticated(caller);
        List<PermissionView> project = PermissionCatalog.PROJECT.stream().map(PermissionView::of).toList();
        if (caller.isSysadmin()) {
            return new PermissionsView(PermissionCatalog.SYSTEM.stream().map(PermissionView::of).toList(), project);
        }
        if (caller instanceof Caller.UserCaller user && isProjectAdminAnywhere(user)) {
            return new PermissionsView(null, project);
        }
        throw ApiException.of(ApiError.FORBIDDEN, "only system and project administrators may read the permissions");
    }

    private boolean isProjectAdminAnywhere(Caller.UserCaller user) {
        return em.createNamedQuery(Member.COUNT_ROLE_OF, Long.class)
                .setParameter("role", Role.PROJECT_ADMIN.id())
                .setParameter("userId", user.id())
                .setParameter("groupIds", user.groupIds().isEmpty() ? List.of(-1L) : List.copyOf(user.groupIds()))
                .getSingleResult() > 0;
    }
}
