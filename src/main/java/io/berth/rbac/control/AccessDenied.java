package io.berth.rbac.control;

import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.rbac.entity.Caller;
import java.util.Locale;

/**
 * The refusal for a caller that may not do something it can see: 401 for anonymous callers (signing in might
 * help), 403 for everyone else. Things a caller may not even see are refused as 404 by the callers of this
 * class, exactly like things that do not exist.
 */
public final class AccessDenied {

    private AccessDenied() {
    }

    public static ApiException of(Caller caller, String format, Object... args) {
        return caller.isAnonymous()
                ? new ApiException(ApiError.UNAUTHORIZED, "authentication required")
                : new ApiException(ApiError.FORBIDDEN, String.format(Locale.ROOT, format, args));
    }

    /** 401 unless someone is signed in. */
    public static void requireAuthenticated(Caller caller) {
        if (caller.isAnonymous()) {
            throw new ApiException(ApiError.UNAUTHORIZED, "authentication required");
        }
    }
}
