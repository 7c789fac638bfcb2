package io.berth.auth.control.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Nested groups: the transitive closure of "is a member of", one directory search per level. Harbor resolves
 * only direct groups (its issue #8122), so a user in {@code team-a}, itself a member of {@code developers}, gets
 * nothing from {@code developers}; here it does.
 * <p>
 * Directories may hold cycles ({@code a} in {@code b} in {@code a}) and very deep or wide trees, so the walk keeps
 * what it has seen (a cycle ends it), stops after {@link #MAX_DEPTH} levels, and stops growing at
 * {@link #MAX_GROUPS} groups (logged: such a user's membership is then incomplete, never larger than it is).
 */
final class GroupResolver {

    static final int MAX_DEPTH = 10;
    static final int MAX_GROUPS = 1000;
    private static final Logger LOGGER = Logger.getLogger(GroupResolver.class.getName());

    /** The groups that directly contain any of the given entries. */
    @FunctionalInterface
    interface Parents {
        Set<DN> of(Set<DN> members) throws LDAPException;
    }

    private GroupResolver() {
    }

    /** {@code direct} and every group that contains one of them, transitively; DNs compare normalized. */
    static Set<DN> closure(Set<DN> direct, Parents parents) throws LDAPException {
        Set<DN> all = new LinkedHashSet<>(direct);
        Set<DN> frontier = new LinkedHashSet<>(direct);
        for (int depth = 1; depth <= MAX_DEPTH && !frontier.isEmpty(); depth++) {
            Set<DN> next = new LinkedHashSet<>();
            for (DN parent : parents.of(frontier)) {
                if (all.size() >= MAX_GROUPS) {
                    LOGGER.log(Level.WARNING, "Stopped resolving nested LDAP groups at {0} groups", MAX_GROUPS);
                    return all;
                }
                if (all.add(parent)) {
                    next.add(parent);
                }
            }
            frontier = next;
        }
        if (!frontier.isEmpty()) {
            LOGGER.log(Level.WARNING, "Stopped resolving nested LDAP groups at depth {0}", MAX_DEPTH);
        }
        return all;
    }
}
