package io.berth.auth.entity;

import io.berth.rbac.entity.User;
import java.util.Set;

/**
 * A user whose password an identity store accepted: the (possibly just onboarded) user row and the ids of
 * the groups it belongs to right now (LDAP groups are resolved at every login).
 */
public record AuthenticatedUser(User user, Set<Long> groupIds) {

    public AuthenticatedUser {
        groupIds = Set.copyOf(groupIds);
    }
}
