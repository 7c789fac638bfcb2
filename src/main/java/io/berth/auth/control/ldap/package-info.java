/**
 * LDAP and Active Directory ({@code auth_mode=ldap_auth}) on the UnboundID LDAP SDK: the settings Harbor names
 * ({@code ldap_*}), short-lived connections with timeouts and failover across URLs, user lookup with filters built
 * from values (never from concatenated strings), password checks by binding, and group membership from the
 * user's {@code memberOf} <em>and</em> the groups' {@code member}/{@code uniqueMember}, nested groups included.
 * <p>
 * What enters is a name and a password (from {@link io.berth.auth.control.Authenticator}) or an administrator's
 * search; what leaves is an onboarded {@link io.berth.rbac.entity.User} with the ids of the Berth
 * {@link io.berth.rbac.entity.UserGroup}s it belongs to. Nothing here logs or returns a password.
 */
package io.berth.auth.control.ldap;
