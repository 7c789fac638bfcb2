package io.berth.auth.boundary.ldap;

import io.berth.rbac.entity.UserGroup;

/**
 * Harbor's {@code UserGroup} for a directory group: {@code id} is set when the group is already registered in
 * Berth (so the console can tell), and left out otherwise.
 */
public record LdapGroupView(Long id, String groupName, int groupType, String ldapGroupDn) {

    static LdapGroupView of(String dn, String name, UserGroup registered) {
        return new LdapGroupView(registered == null ? null : registered.id(), name, UserGroup.TYPE_LDAP, dn);
    }
}
