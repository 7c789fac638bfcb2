package io.berth.platform;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Implements {@link RetryOnConflict}. Its priority is below the transaction interceptor's
 * ({@code PLATFORM_BEFORE + 200}), so it wraps the transaction: every attempt commits or rolls back whole.
 */
@RetryOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConflictRetryInterceptor {

    private static final Logger LOGGER = Logger.getLogger(ConflictRetryInterceptor.class.getName());
    static final int ATTEMPTS = 5;

    @AroundInvoke
    Object retry(InvocationContext context) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return context.proceed();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                LOGGER.log(Level.FINE, "Write conflict in {0}, attempt {1}: {2}",
                        new Object[] {context.getMethod().getName(), attempt, e.toString()});
                backOff(attempt);
            }
        }
    }

    /**
     * Waits a little, longer after each failure and with jitter, so that the winner of the race commits
     * before the losers look again and the losers do not collide with each other a second time.
     */
    private static void backOff(int attempt) {
        long millis = (5L << attempt) + ThreadLocalRandom.current().nextLong(10);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A unique-key or foreign-key violation (SQL state class 23), an entity that already exists, a lost version
     * check, or a deadlock the database broke by rolling this transaction back (SQL state 40001).
     */
    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof EntityExistsException
                    || t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
            if (t instanceof jakarta.persistence.PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("40001"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
