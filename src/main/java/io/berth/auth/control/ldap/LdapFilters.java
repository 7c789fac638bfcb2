package io.berth.auth.control.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Search filters. The administrator's filters ({@code ldap_filter}, {@code ldap_group_search_filter}) are parsed
 * once; values from requests (a user name, a DN) only ever enter as assertion values of filter objects, so
 * {@code *)(uid=*} is searched for literally and can never widen a search (LDAP injection). The string form, when
 * one is needed, escapes {@code * ( ) \ NUL} as RFC 4515 says.
 */
public final class LdapFilters {

    /** An attribute description: a name (letters, digits, hyphens) or an OID, optionally with options. */
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+)(;[A-Za-z0-9-]+)*");

    private LdapFilters() {
    }

    /**
     * An administrator's filter; {@code null} for blank. A filter without outer parentheses
     * ({@code objectClass=person}) is accepted, as Harbor does.
     *
     * @throws IllegalArgumentException when it is not a valid LDAP filter
     */
    public static Filter parse(String key, String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        String text = filter.trim();
        if (!text.startsWith("(")) {
            text = "(" + text + ")";
        }
        try {
            return Filter.create(text);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(key + ": not a valid LDAP filter");
        }
    }

    /** RFC 4515 escaping of an assertion value, for code that must build a filter string. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> out.append("\\2a");
                case '(' -> out.append("\\28");
                case ')' -> out.append("\\29");
                case '\\' -> out.append("\\5c");
                case '\0' -> out.append("\\00");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code (&<base>(<attribute>=<value>))}, or just the equality when there is no base filter. */
    public static Filter equalityWithin(Filter base, String attribute, String value) {
        return and(base, Filter.createEqualityFilter(attribute, value));
    }

    /** {@code (&<base>(<attribute>=*))}: every entry with the attribute, within the base filter. */
    public static Filter presenceWithin(Filter base, String attribute) {
        return and(base, Filter.createPresenceFilter(attribute));
    }

    /**
     * Groups whose {@code member} or {@code uniqueMember} holds one of {@code dns}: how membership is found in a
     * directory without the memberOf overlay, and how nested groups are found everywhere.
     */
    public static Filter groupsWithMembers(Filter base, Collection<String> dns) {
        List<Filter> any = new ArrayList<>();
        for (String dn : dns) {
            any.add(Filter.createEqualityFilter("member", dn));
            any.add(Filter.createEqualityFilter("uniqueMember", dn));
        }
        return and(base, Filter.createORFilter(any));
    }

    static Filter and(Filter base, Filter condition) {
        return base == null ? condition : Filter.createANDFilter(base, condition);
    }

    /** Whether {@code name} is a well-formed attribute description, so it may be put in a filter. */
    public static boolean isAttributeName(String name) {
        return name != null && ATTRIBUTE.matcher(name).matches();
    }

    static String requireAttribute(String key, String name, String fallback) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        if (!isAttributeName(name.trim())) {
            throw new IllegalArgumentException(key + ": not a valid attribute name");
        }
        return name.trim();
    }
}
