package io.berth.auth.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * What a console session remembers about its login ({@code POST /c/login}): who (by id and name), the groups
 * resolved at login, whether the identity store made the user an administrator (an LDAP group admin DN),
 * and the session's CSRF token. The user row is read again on every request, so a deleted user loses its
 * sessions and a change of the administrator flag takes effect at once. No credential is kept.
 */
public record SessionLogin(long userId, String username, Set<Long> groupIds, boolean adminByAuth, String csrfToken,
        Instant loggedInAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The session attribute it is stored under. */
    public static final String ATTRIBUTE = SessionLogin.class.getName();

    public SessionLogin {
        groupIds = Set.copyOf(groupIds);
    }

    @Override
    public String toString() {
        return "SessionLogin[userId=" + userId + ", username=" + username + "]";
    }
}
