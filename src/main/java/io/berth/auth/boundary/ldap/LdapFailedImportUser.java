package io.berth.auth.boundary.ldap;

/** Harbor's {@code LdapFailedImportUser}: a uid that could not be imported, and why. */
public record LdapFailedImportUser(String uid, String error) {
}
