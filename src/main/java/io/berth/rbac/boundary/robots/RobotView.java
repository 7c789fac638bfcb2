package io.berth.rbac.boundary.robots;

import io.berth.rbac.entity.Robot;
import java.time.Instant;
import java.util.List;

/**
 * Harbor's {@code Robot} as {@code GET /robots} and {@code GET /robots/{id}} return it, built field by field from
 * the entity: it has no {@code secret} (Harbor's field stays absent), so neither the secret nor its hash can leak.
 * {@code expires_at} is in seconds since the epoch, {@code -1} for never; {@code editable} is true for every
 * robot made through this API (Harbor's false marks its legacy v1 robots).
 */
public record RobotView(long id, String name, String description, String level, long duration, boolean editable,
        boolean disable, long expiresAt, List<RobotPermissionView> permissions, String creatorType, Long creatorRef,
        Instant creationTime, Instant updateTime) {

    static RobotView of(Robot robot) {
        return new RobotView(robot.id(), robot.name(), robot.description() == null ? "" : robot.description(),
                robot.level(), robot.durationDays(), true, robot.isDisabled(), expiresAt(robot),
                RobotPermissionView.of(robot.grants()), robot.creatorType(), robot.creatorRef(),
                robot.creationTime(), robot.updateTime());
    }

    static long expiresAt(Robot robot) {
        return robot.expiresAt() == null ? -1 : robot.expiresAt().getEpochSecond();
    }
}
