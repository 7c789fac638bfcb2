package io.berth.rbac.control;

import java.util.List;

/**
 * Harbor's {@code RobotPermission} as a caller sends it: a kind ({@code system} or {@code project}), a namespace
 * ({@code /}, a project name, or {@code *}) and the accesses wanted there. Nothing in it is trusted yet:
 * {@link RequestedGrants} checks its form, {@link RobotAuthority} whether the caller may grant it.
 */
public record RequestedPermission(String kind, String namespace, List<Access> access) {

    /** Harbor's {@code Access}: a resource, an action, and an effect (only {@code allow}, or none, is supported). */
    public record Access(String resource, String action, String effect) {
    }
}
