package io.berth.rbac.control;

import java.util.Optional;

/**
 * The directory behind LDAP groups, as project membership needs it: Harbor adds an LDAP group to a project by its DN
 * and registers the group on first use, once the directory has confirmed it. Implemented by {@code io.berth.auth},
 * where LDAP lives (above this package); this interface keeps the dependency one way, as {@link ProjectQuotas} does
 * for quotas.
 */
public interface GroupDirectory {

    /**
     * The group at {@code dn} as Berth should register it: when a registered LDAP group has that DN by DN rules
     * (case, spacing), that group's DN and name; else the directory's entry. Empty unless Berth authenticates against
     * LDAP ({@code auth_mode=ldap_auth}) and the directory has such a group.
     *
     * @throws io.berth.platform.api.ApiException 400 for a malformed DN; 500 when the directory cannot be asked
     */
    Optional<Entry> find(String dn);

    /** A directory group: its DN and its name ({@code ldap_group_attribute_name}, {@code cn} by default). */
    record Entry(String dn, String name) {
    }
}
