/**
 * Harbor's LDAP administration API: {@code POST /api/v2.0/ldap/ping}, {@code GET /api/v2.0/ldap/users/search},
 * {@code POST /api/v2.0/ldap/users/import} and {@code GET /api/v2.0/ldap/groups/search}, for system administrators.
 * <p>
 * Requests enter as Harbor's {@code LdapConf}, query parameters and {@code LdapImportUsers}; the
 * {@link io.berth.auth.boundary.ldap.DirectoryAdmin} facade runs them on
 * {@link io.berth.auth.control.ldap.LdapDirectory}, and answers leave as Harbor's {@code LdapPingResult},
 * {@code LdapUser}, {@code LdapFailedImportUser} and {@code UserGroup}. No answer ever holds the bind password.
 */
package io.berth.auth.boundary.ldap;
