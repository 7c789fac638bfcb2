package io.berth.auth.control.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import io.berth.platform.RuntimeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The directory as Berth uses it: check a password, find and search users, search groups, test a configuration.
 * Every operation takes the {@link LdapSettings} to use, so the ping endpoint can try settings that are not saved;
 * {@link #settings()} gives the saved ones. {@link LDAPException}s mean the directory could not answer (down,
 * misconfigured, refused the search DN); "not found" and "wrong password" are ordinary results.
 * <pre>
 * LdapSettings settings = directory.settings();
 * Optional&lt;DirectoryLogin&gt; login = directory.authenticate(settings, "alice", password);
 * </pre>
 */
@ApplicationScoped
public class LdapDirectory {

    @Inject
    RuntimeSettings runtime;

    /**
     * The saved settings.
     *
     * @throws IllegalArgumentException if a stored value is invalid (values are checked when saved, so only a
     *     hand-edited database gets here)
     */
    public LdapSettings settings() {
        return LdapSettings.of(key -> runtime.get(key).orElse(null));
    }

    /**
     * Binds as {@code username} with {@code password}: exactly one entry must match {@code ldap_uid} within
     * {@code ldap_filter}, and the directory must accept the password for its DN. Then the user's groups are
     * resolved as the search DN. An empty password never gets as far as a bind (RFC 4513 treats a bind with a DN
     * and no password as anonymous, and some servers answer it with success).
     */
    public Optional<DirectoryLogin> authenticate(LdapSettings settings, String username, char[] password)
            throws LDAPException {
        if (username == null || username.isBlank() || password == null || password.length == 0) {
            return Optional.empty();
        }
        try (DirectorySession session = DirectorySession.open(settings)) {
            List<DirectoryUser> found = session.findUsers(username, 2);
            if (found.size() != 1) {
                session.spendBindTime(password);
                return Optional.empty();
            }
            DirectoryUser user = found.get(0);
            if (!session.verifyPassword(user.dn(), password)) {
                return Optional.empty();
            }
            session.bindAsSearcher();
            Set<String> groups = new LinkedHashSet<>();
            for (DN dn : session.groupsOf(user)) {
                groups.add(dn.toNormalizedString());
            }
            return Optional.of(new DirectoryLogin(user, groups));
        }
    }

    /** The one user whose {@code ldap_uid} is {@code uid}; empty when there is none or more than one. */
    public Optional<DirectoryUser> findUser(LdapSettings settings, String uid) throws LDAPException {
        if (uid == null || uid.isBlank()) {
            return Optional.empty();
        }
        try (DirectorySession session = DirectorySession.open(settings)) {
            List<DirectoryUser> found = session.findUsers(uid, 2);
            return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
        }
    }

    /** Users whose {@code ldap_uid} is {@code username}, or every user (up to a limit) for a blank one. */
    public List<DirectoryUser> searchUsers(LdapSettings settings, String username) throws LDAPException {
        try (DirectorySession session = DirectorySession.open(settings)) {
            return session.findUsers(username, DirectorySession.MAX_RESULTS);
        }
    }

    /** The groups named {@code name} ({@code ldap_group_attribute_name}), or the group at {@code dn}. */
    public List<DirectoryGroup> searchGroups(LdapSettings settings, String name, String dn) throws LDAPException {
        try (DirectorySession session = DirectorySession.open(settings)) {
            return session.searchGroups(name, dn);
        }
    }

    /** Connects and binds as the search DN; answers the {@code host:port} that accepted. */
    public String ping(LdapSettings settings) throws LDAPException {
        try (DirectorySession session = DirectorySession.open(settings)) {
            return session.server();
        }
    }
}
