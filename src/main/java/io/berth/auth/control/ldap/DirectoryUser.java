package io.berth.auth.control.ldap;

import java.util.List;

/**
 * A user entry as the directory holds it: its DN, the value of the {@code ldap_uid} attribute (Berth's user
 * name), the profile Berth copies ({@code mail}, {@code displayName} or {@code cn}) and the values of the
 * membership attribute ({@code memberOf}), if the directory keeps one.
 */
public record DirectoryUser(String dn, String username, String email, String realname, List<String> memberOf) {

    public DirectoryUser {
        memberOf = List.copyOf(memberOf);
    }
}
