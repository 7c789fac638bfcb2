package io.berth.rbac.control;

import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The gate of the system-level endpoints (configurations, LDAP, garbage collection): 401 for an anonymous caller, 403 for a
 * caller without the system permission (as Harbor's {@code RequireSystemAccess}), so that system administrators
 * and system robots granted that permission get in, and nobody else.
 */
@ApplicationScoped
public class SystemAccess {

    @Inject
    CallerContext callers;

    @Inject
    AccessEvaluator access;

    /** The caller, if it may do {@code action} on the system resource {@code resource}; else an ApiException. */
    public Caller require(Resource resource, Action action) {
        Caller caller = callers.get();
        if (caller.isAnonymous()) {
            throw new ApiException(ApiError.UNAUTHORIZED, "log in first");
        }
        if (!access.canSystem(caller, Permission.of(resource, action))) {
            throw new ApiException(ApiError.FORBIDDEN, "this needs a system administrator");
        }
        return caller;
    }
}
