package io.berth.rbac.boundary.robots;

/** Harbor's {@code RobotSec}: the new secret after {@code PATCH /robots/{id}}, shown this once. */
public record RobotSecretView(String secret) {
}
