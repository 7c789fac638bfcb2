package io.berth.auth.boundary.ldap;

/** Harbor's {@code LdapPingResult}: whether Berth could connect and bind, and what happened. */
public record LdapPingResult(boolean success, String message) {
}
