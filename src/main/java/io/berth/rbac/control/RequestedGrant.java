package io.berth.rbac.control;

import io.berth.rbac.entity.Permission;

/**
 * One permission a robot request asks for, well-formed and grantable to robots in principle, but not yet checked
 * against the caller ({@link RobotAuthority#requireWithin}) and with its namespace not yet resolved to a project.
 */
public record RequestedGrant(String kind, String namespace, Permission permission) {
}
