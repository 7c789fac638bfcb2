package io.berth.rbac.boundary.robots;

import io.berth.rbac.control.RequestedPermission;
import java.util.List;

/**
 * Harbor's {@code RobotCreate}. {@code duration} is in days ({@code -1} never; absent or 0 the
 * {@code robot_token_duration} setting); {@code secret} is optional (one is generated when absent).
 */
public record RobotCreateRequest(String name, String description, String secret, String level, Boolean disable,
        Long duration, List<RequestedPermission> permissions) {

    /**
     * A new robot with a generated secret, enabled, its permissions written as answers carry them
     * ({@link RobotPermissionView}): what the console's wizard sends.
     */
    public static RobotCreateRequest of(String name, String description, String level, Long duration,
            List<RobotPermissionView> permissions) {
        return new RobotCreateRequest(name, description, null, level, false, duration,
                RobotPermissionView.requested(permissions));
    }
}
