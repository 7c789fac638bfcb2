package io.berth.platform;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
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
    static final int ATTEMPTS = 4;

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
            }
        }
    }

    /** A unique-key violation (SQL state class 23), an entity that already exists, or a lost version check. */
    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof EntityExistsException
                    || t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
