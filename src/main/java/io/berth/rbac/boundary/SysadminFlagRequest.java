package io.berth.rbac.boundary;

/** Harbor's {@code UserSysAdminFlag}. */
public record SysadminFlagRequest(Boolean sysadminFlag) {
}
