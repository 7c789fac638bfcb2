package io.berth.rbac.boundary.robots;

import io.berth.rbac.control.RequestedPermission;
import java.util.List;

/**
 * The part of Harbor's {@code Robot} that {@code PUT /robots/{id}} reads: description, duration, disable and
 * permissions change; name and level must stay as they are. Every other field of the body ({@code secret},
 * {@code expires_at}, {@code creator_ref}, times, ...) is ignored, so a PUT can never set a secret or an expiry.
 */
public record RobotUpdateRequest(String name, String description, String level, Boolean disable, Long duration,
        List<RequestedPermission> permissions) {

    /**
     * A change that keeps name and level, with the permissions written as answers carry them
     * ({@link RobotPermissionView}): what the console sends, also to enable or disable a robot as it is.
     */
    public static RobotUpdateRequest of(String description, boolean disable, Long duration,
            List<RobotPermissionView> permissions) {
        return new RobotUpdateRequest(null, description, null, disable, duration, RobotPermissionView.requested(permissions));
    }
}
