/**
 * Robot accounts v2 at {@code /api/v2.0/robots}, as Harbor's robot API: create (the secret is shown once), list,
 * read, update, refresh the secret, delete; {@link io.berth.rbac.boundary.robots.RobotsResource} translates HTTP
 * and {@link io.berth.rbac.boundary.robots.Robots} is the facade.
 * <p>
 * Requests arrive as Harbor's {@code RobotCreate}, {@code Robot} and {@code RobotSec} JSON with the caller from
 * {@link io.berth.rbac.control.CallerContext}; what a caller may grant is decided by
 * {@link io.berth.rbac.control.RobotAuthority}. Robots leave as {@code Robot} views built field by field (no
 * secret, no hash), and every change leaves as a {@link io.berth.events.RobotChanged} event so that
 * authentication forgets the robot.
 */
package io.berth.rbac.boundary.robots;
