package io.berth.auth.control.ldap;

import java.util.Set;

/**
 * The outcome of a successful bind: the user entry and the normalized DNs of every group it belongs to, directly
 * or through nested groups (see {@link DistinguishedNames#normalize}).
 */
public record DirectoryLogin(DirectoryUser user, Set<String> groupDns) {

    public DirectoryLogin {
        groupDns = Set.copyOf(groupDns);
    }

    /** Whether the user belongs to the group {@code dn}, in any case or spacing. */
    public boolean isMemberOf(String dn) {
        return DistinguishedNames.normalize(dn).map(groupDns::contains).orElse(false);
    }
}
