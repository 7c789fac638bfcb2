package io.berth.auth.boundary.ldap;

import io.berth.auth.control.ldap.DirectoryUser;

/** Harbor's {@code LdapUser}: a directory entry as a candidate Berth user. */
public record LdapUserView(String username, String realname, String email) {

    static LdapUserView of(DirectoryUser user) {
        return new LdapUserView(user.username(), user.realname(), user.email());
    }
}
