package io.berth.auth.control.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The LDAP settings, under the keys Harbor uses, parsed and checked. One instance is built per login or
 * administrator request from the runtime settings (and, for a ping, the request's overrides), so a change made
 * through {@code PUT /api/v2.0/configurations} applies to the next login without a restart.
 * <p>
 * {@link #toString()} leaves the bind password out: a record would print it.
 */
public record LdapSettings(List<LdapServer> servers, String searchDn, String searchPassword, String baseDn,
        Filter userFilter, String uidAttribute, SearchScope scope, int timeoutSeconds, boolean verifyCert,
        String groupBaseDn, Filter groupFilter, String groupNameAttribute, String groupAdminDn,
        String membershipAttribute, SearchScope groupScope) {

    public static final String URL = "ldap_url";
    public static final String SEARCH_DN = "ldap_search_dn";
    public static final String SEARCH_PASSWORD = "ldap_search_password";
    public static final String BASE_DN = "ldap_base_dn";
    public static final String FILTER = "ldap_filter";
    public static final String UID = "ldap_uid";
    public static final String SCOPE = "ldap_scope";
    public static final String TIMEOUT = "ldap_timeout";
    public static final String VERIFY_CERT = "ldap_verify_cert";
    public static final String GROUP_BASE_DN = "ldap_group_base_dn";
    public static final String GROUP_FILTER = "ldap_group_search_filter";
    public static final String GROUP_NAME_ATTRIBUTE = "ldap_group_attribute_name";
    public static final String GROUP_ADMIN_DN = "ldap_group_admin_dn";
    public static final String GROUP_MEMBERSHIP_ATTRIBUTE = "ldap_group_membership_attribute";
    public static final String GROUP_SCOPE = "ldap_group_search_scope";

    /** Every LDAP key, in the order the configurations API lists them. */
    public static final List<String> KEYS = List.of(URL, SEARCH_DN, SEARCH_PASSWORD, BASE_DN, FILTER, UID, SCOPE,
            TIMEOUT, VERIFY_CERT, GROUP_BASE_DN, GROUP_FILTER, GROUP_NAME_ATTRIBUTE, GROUP_ADMIN_DN,
            GROUP_MEMBERSHIP_ATTRIBUTE, GROUP_SCOPE);

    public static final String DEFAULT_UID = "uid";
    public static final int DEFAULT_SCOPE = 2;
    public static final int DEFAULT_TIMEOUT = 5;
    public static final String DEFAULT_GROUP_NAME_ATTRIBUTE = "cn";
    public static final String DEFAULT_MEMBERSHIP_ATTRIBUTE = "memberof";
    /** Longer than this and a failover over several URLs would hold a login for minutes. */
    public static final int MAX_TIMEOUT = 300;

    /**
     * Reads and checks every key through {@code value} (which answers {@code null} or blank for unset keys).
     *
     * @throws IllegalArgumentException naming the first bad key; the message never holds the password
     */
    public static LdapSettings of(Function<String, String> value) {
        return new LdapSettings(
                LdapServer.parseList(value.apply(URL)),
                DistinguishedNames.requireValidOrEmpty(SEARCH_DN, value.apply(SEARCH_DN)),
                value.apply(SEARCH_PASSWORD) == null ? "" : value.apply(SEARCH_PASSWORD),
                DistinguishedNames.requireValidOrEmpty(BASE_DN, value.apply(BASE_DN)),
                LdapFilters.parse(FILTER, value.apply(FILTER)),
                LdapFilters.requireAttribute(UID, value.apply(UID), DEFAULT_UID),
                scope(SCOPE, value.apply(SCOPE)),
                integer(TIMEOUT, value.apply(TIMEOUT), DEFAULT_TIMEOUT, 1, MAX_TIMEOUT),
                bool(VERIFY_CERT, value.apply(VERIFY_CERT), true),
                DistinguishedNames.requireValidOrEmpty(GROUP_BASE_DN, value.apply(GROUP_BASE_DN)),
                LdapFilters.parse(GROUP_FILTER, value.apply(GROUP_FILTER)),
                LdapFilters.requireAttribute(GROUP_NAME_ATTRIBUTE, value.apply(GROUP_NAME_ATTRIBUTE), DEFAULT_GROUP_NAME_ATTRIBUTE),
                DistinguishedNames.requireValidOrEmpty(GROUP_ADMIN_DN, value.apply(GROUP_ADMIN_DN)),
                LdapFilters.requireAttribute(GROUP_MEMBERSHIP_ATTRIBUTE, value.apply(GROUP_MEMBERSHIP_ATTRIBUTE),
                        DEFAULT_MEMBERSHIP_ATTRIBUTE),
                scope(GROUP_SCOPE, value.apply(GROUP_SCOPE)));
    }

    /** Whether a directory is configured at all; without one nobody can log in through LDAP. */
    public boolean configured() {
        return !servers.isEmpty();
    }

    /** Where groups are searched: {@code ldap_group_base_dn}, else {@code ldap_base_dn}. */
    public String groupSearchBase() {
        return groupBaseDn.isEmpty() ? baseDn : groupBaseDn;
    }

    /** A copy with another bind password (the ping endpoint may reuse the stored one). */
    public LdapSettings withSearchPassword(String password) {
        return new LdapSettings(servers, searchDn, password == null ? "" : password, baseDn, userFilter, uidAttribute,
                scope, timeoutSeconds, verifyCert, groupBaseDn, groupFilter, groupNameAttribute, groupAdminDn,
                membershipAttribute, groupScope);
    }

    /** Harbor's scope numbers: 0 base, 1 one level, 2 subtree (the default). */
    static SearchScope scope(String key, String value) {
        return switch (integer(key, value, DEFAULT_SCOPE, 0, 2)) {
            case 0 -> SearchScope.BASE;
            case 1 -> SearchScope.ONE;
            default -> SearchScope.SUB;
        };
    }

    static int integer(String key, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(key + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer");
        }
    }

    static boolean bool(String key, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!Set.of("true", "false").contains(v)) {
            throw new IllegalArgumentException(key + " must be true or false");
        }
        return Boolean.parseBoolean(v);
    }

    @Override
    public String toString() {
        return "LdapSettings[servers=" + servers + ", searchDn=" + searchDn + ", searchPassword="
                + (searchPassword.isEmpty() ? "(none)" : "(set)") + ", baseDn=" + baseDn + ", userFilter=" + userFilter
                + ", uid=" + uidAttribute + ", scope=" + scope + ", timeout=" + timeoutSeconds + "s, verifyCert="
                + verifyCert + ", groupBaseDn=" + groupBaseDn + ", groupFilter=" + groupFilter + ", groupNameAttribute="
                + groupNameAttribute + ", groupAdminDn=" + groupAdminDn + ", membershipAttribute=" + membershipAttribute
                + ", groupScope=" + groupScope + "]";
    }
}
