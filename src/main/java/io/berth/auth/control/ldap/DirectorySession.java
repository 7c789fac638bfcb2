package io.berth.auth.control.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One connection to the directory, bound as {@code ldap_search_dn} (or anonymously when none is set), and the
 * searches Berth makes on it. Short-lived: open, use, close.
 */
final class DirectorySession implements AutoCloseable {

    /** No administrator search returns more entries than this; the directory's own limit may be lower. */
    static final int MAX_RESULTS = 1000;
    /** DNs per member search, so that a filter never grows without bound. */
    static final int CHUNK = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LDAPConnection connection;
    private final LdapSettings settings;

    private DirectorySession(LDAPConnection connection, LdapSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    /** Connects (with failover) and binds as the search DN. */
    static DirectorySession open(LdapSettings settings) throws LDAPException {
        LDAPConnection connection = LdapConnector.connect(settings);
        DirectorySession session = new DirectorySession(connection, settings);
        try {
            session.bindAsSearcher();
            return session;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    /** The server this session is connected to, as {@code host:port}. */
    String server() {
        return connection.getConnectedAddress() + ":" + connection.getConnectedPort();
    }

    void bindAsSearcher() throws LDAPException {
        if (settings.searchDn().isEmpty()) {
            connection.bind(new SimpleBindRequest());
        } else {
            connection.bind(new SimpleBindRequest(settings.searchDn(), settings.searchPassword()));
        }
    }

    /**
     * Users whose {@code ldap_uid} equals {@code username} (every user for a blank one), within {@code ldap_filter},
     * at most {@code limit}.
     */
    List<DirectoryUser> findUsers(String username, int limit) throws LDAPException {
        Filter filter = username == null || username.isBlank()
                ? LdapFilters.presenceWithin(settings.userFilter(), settings.uidAttribute())
                : LdapFilters.equalityWithin(settings.userFilter(), settings.uidAttribute(), username);
        List<DirectoryUser> users = new ArrayList<>();
        for (SearchResultEntry entry : search(settings.baseDn(), settings.scope(), filter, limit,
                settings.uidAttribute(), "mail", "email", "cn", "displayName", settings.membershipAttribute())) {
            String uid = uidOf(entry, username);
            if (uid != null) {
                users.add(new DirectoryUser(entry.getDN(), uid, first(entry, "mail", "email"),
                        first(entry, "displayName", "cn"), values(entry, settings.membershipAttribute())));
            }
        }
        return users;
    }

    /**
     * Whether {@code password} is the password of {@code dn}, by binding as it. A refused bind is {@code false};
     * a broken connection is an exception, so that "directory down" never reads as "wrong password". The
     * connection is left bound as that user or unbound: call {@link #bindAsSearcher()} before searching again.
     */
    boolean verifyPassword(String dn, char[] password) throws LDAPException {
        if (password.length == 0) {
            return false;
        }
        byte[] bytes = utf8(password);
        try {
            connection.bind(new SimpleBindRequest(dn, bytes));
            return true;
        } catch (LDAPException e) {
            if (!e.getResultCode().isConnectionUsable() || e.getResultCode().isClientSideResultCode()) {
                throw e;
            }
            return false;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Binds to a DN that does not exist, for a user that was not found: an unknown name then costs about what a
     * wrong password costs, so response times do not tell which names exist. The outcome is ignored.
     */
    void spendBindTime(char[] password) {
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        String random = HexFormat.of().formatHex(nonce);
        String base = settings.baseDn().isEmpty() ? "dc=invalid" : settings.baseDn();
        try {
            verifyPassword("cn=berth-no-such-user-" + random + "," + base, password.length == 0 ? new char[] {'x'} : password);
        } catch (LDAPException e) {
            // the point was the time, not the answer
        }
    }

    /** Every group {@code user} belongs to, directly (both ways) and through nested groups. */
    Set<DN> groupsOf(DirectoryUser user) throws LDAPException {
        Set<DN> direct = new LinkedHashSet<>(dns(user.memberOf()));
        direct.addAll(parents(Set.of(new DN(user.dn()))));
        return GroupResolver.closure(direct, this::parents);
    }

    /**
     * The groups under the group search base that list one of {@code members} in {@code member} or
     * {@code uniqueMember}, plus the groups those entries name in their own membership attribute (Active Directory
     * keeps {@code memberOf} on groups too).
     */
    Set<DN> parents(Set<DN> members) throws LDAPException {
        Set<DN> parents = new LinkedHashSet<>();
        if (settings.groupSearchBase().isEmpty() || members.isEmpty()) {
            return parents;
        }
        List<String> all = members.stream().map(DN::toString).toList();
        for (int i = 0; i < all.size(); i += CHUNK) {
            Filter filter = LdapFilters.groupsWithMembers(settings.groupFilter(), all.subList(i, Math.min(all.size(), i + CHUNK)));
            for (SearchResultEntry entry : search(settings.groupSearchBase(), settings.groupScope(), filter, MAX_RESULTS,
                    settings.membershipAttribute())) {
                parents.add(entry.getParsedDN());
                parents.addAll(dns(values(entry, settings.membershipAttribute())));
            }
        }
        return parents;
    }

    /** Groups named {@code name} under the group search base, or the group at {@code dn}. */
    List<DirectoryGroup> searchGroups(String name, String dn) throws LDAPException {
        Filter base = settings.groupFilter() != null ? settings.groupFilter() : Filter.createORFilter(
                Filter.createEqualityFilter("objectClass", "groupOfNames"),
                Filter.createEqualityFilter("objectClass", "groupOfUniqueNames"),
                Filter.createEqualityFilter("objectClass", "group"),
                Filter.createEqualityFilter("objectClass", "posixGroup"));
        List<SearchResultEntry> entries = dn != null && !dn.isBlank()
                ? search(dn.trim(), SearchScope.BASE, base, MAX_RESULTS, settings.groupNameAttribute())
                : search(settings.groupSearchBase(), settings.groupScope(),
                        LdapFilters.equalityWithin(base, settings.groupNameAttribute(), name), MAX_RESULTS,
                        settings.groupNameAttribute());
        return entries.stream()
                .map(e -> new DirectoryGroup(e.getDN(), first(e, settings.groupNameAttribute())))
                .toList();
    }

    private List<SearchResultEntry> search(String base, SearchScope scope, Filter filter, int limit, String... attributes)
            throws LDAPException {
        SearchRequest request = new SearchRequest(base, scope, filter, attributes);
        request.setSizeLimit(limit);
        request.setTimeLimitSeconds(settings.timeoutSeconds());
        try {
            return connection.search(request).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return e.getSearchEntries();
            }
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return List.of();
            }
            throw e;
        }
    }

    /** The uid value: the one that matches what was typed (an entry may hold several), else the first. */
    private String uidOf(SearchResultEntry entry, String typed) {
        String[] values = entry.getAttributeValues(settings.uidAttribute());
        if (values == null || values.length == 0) {
            return null;
        }
        if (typed != null) {
            for (String v : values) {
                if (v.equalsIgnoreCase(typed)) {
                    return v;
                }
            }
        }
        return values[0];
    }

    private static String first(SearchResultEntry entry, String... attributes) {
        for (String attribute : attributes) {
            String value = entry.getAttributeValue(attribute);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static List<String> values(SearchResultEntry entry, String attribute) {
        String[] values = entry.getAttributeValues(attribute);
        return values == null ? List.of() : List.of(values);
    }

    /** The well-formed DNs among {@code values}; a malformed value in a directory must not fail a login. */
    private static Set<DN> dns(List<String> values) {
        Set<DN> dns = new LinkedHashSet<>();
        for (String value : values) {
            try {
                dns.add(new DN(value));
            } catch (LDAPException e) {
                // skipped
            }
        }
        return dns;
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    @Override
    public void close() {
        connection.close();
    }
}
