package io.berth.auth.control;

import io.berth.auth.entity.SessionLogin;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a console login into a {@link SessionLogin} and a session back into a {@link Caller}. The user is read
 * by primary key on every request rather than trusted from the session, so deleting a user ends its
 * sessions and granting or revoking the administrator flag applies to the very next request.
 */
@ApplicationScoped
public class SessionCallers {

    @PersistenceContext
    EntityManager em;

    /** What the session of {@code user}, just authenticated, remembers; with a fresh CSRF token. */
    public SessionLogin start(Caller.UserCaller user) {
        User row = em.find(User.class, user.id());
        boolean adminByAuth = user.isSysadmin() && (row == null || !row.isSysadmin());
        return new SessionLogin(user.id(), user.name(), user.groupIds(), adminByAuth, CsrfTokens.generate(), Instant.now());
    }

    /** The caller a session stands for now; empty when its user is gone (or was replaced by another of that name). */
    public Optional<Caller> resume(SessionLogin login) {
        User user = em.find(User.class, login.userId());
        if (user == null || !user.username().equals(login.username())) {
            return Optional.empty();
        }
        return Optional.of(new Caller.UserCaller(user.id(), user.username(), user.isSysadmin() || login.adminByAuth(),
                login.groupIds()));
    }
}
