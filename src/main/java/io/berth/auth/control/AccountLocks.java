package io.berth.auth.control;

import io.berth.rbac.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The account lock kept in the database ({@code berth_user.failed_logins}, {@code locked_until}), so that every
 * node sees a lock another node set and a restart does not lift it. {@link LoginThrottle} keeps the same count
 * in memory for every name, existing or not, so one node answers unknown and known names alike; this class
 * adds the shared part for names that are accounts.
 * <p>
 * Failures count consecutively: {@link LoginThrottle#MAX_FAILURES} in a row lock the account for
 * {@link LoginThrottle#LOCK} and start the count again; a success clears both. Writes run in their own
 * transaction because they must stick even when the request that failed the login rolls back.
 */
@ApplicationScoped
public class AccountLocks {

    @PersistenceContext
    EntityManager em;

    /** Whether the account named {@code username} is locked at {@code now}; never true for names that are no account. */
    public boolean isLocked(String username, Instant now) {
        return !em.createQuery("SELECT u.id FROM User u WHERE u.username = :username AND u.lockedUntil > :now", Long.class)
                .setParameter("username", username)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Counts one failed login; true when this failure locked the account. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordFailure(String username, Instant now) {
        int counted = em.createQuery("UPDATE User u SET u.failedLogins = u.failedLogins + 1 WHERE u.username = :username")
                .setParameter("username", username)
                .executeUpdate();
        if (counted == 0) {
            return false;
        }
        return em.createQuery("UPDATE User u SET u.lockedUntil = :until, u.failedLogins = 0"
                        + " WHERE u.username = :username AND u.failedLogins >= :max")
                .setParameter("until", now.plus(LoginThrottle.LOCK))
                .setParameter("username", username)
                .setParameter("max", LoginThrottle.MAX_FAILURES)
                .executeUpdate() > 0;
    }

    /** Clears the failure count after a successful login; writes only when there is something to clear. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSuccess(String username) {
        em.createQuery("UPDATE User u SET u.failedLogins = 0, u.lockedUntil = NULL"
                        + " WHERE u.username = :username AND (u.failedLogins <> 0 OR u.lockedUntil IS NOT NULL)")
                .setParameter("username", username)
                .executeUpdate();
    }

    /** Lifts the lock of one account at once (an administrator reset its password). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void unlock(long userId) {
        User user = em.find(User.class, userId);
        if (user != null) {
            user.loginSucceeded();
        }
    }
}
