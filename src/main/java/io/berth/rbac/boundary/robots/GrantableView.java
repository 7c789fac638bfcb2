package io.berth.rbac.boundary.robots;

import java.util.List;

/**
 * What a robot account may hold at all ({@link io.berth.rbac.entity.RobotPermissions}), per kind, as resource and
 * action in the robot API's spelling and in the catalogue's order: the resource x action matrix a robot wizard
 * offers. Whether a caller may grant an entry is still decided when the robot is created or changed.
 */
public record GrantableView(List<RobotPermissionView.AccessView> system, List<RobotPermissionView.AccessView> project) {
}
