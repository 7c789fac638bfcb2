package io.berth.rbac.boundary.robots;

import java.time.Instant;

/**
 * Harbor's {@code RobotCreated}: the one answer, with {@link RobotSecretView}, that ever carries a robot's secret.
 * {@code expires_at} is in seconds since the epoch, {@code -1} for never.
 */
public record RobotCreatedView(long id, String name, String secret, Instant creationTime, long expiresAt) {
}
