package io.berth.gc.control;

import io.berth.gc.entity.GcLogLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A run's log: each line goes to the server log and, in its own short transaction, to {@code gc_log}, so that
 * {@code GET /system/gc/{id}/log} on any node shows the run as far as it got, even while it runs.
 */
@ApplicationScoped
public class GcLog {

    private static final Logger LOGGER = Logger.getLogger(GcLog.class.getName());

    @PersistenceContext
    EntityManager em;

    /** Appends a line ({@link MessageFormat} pattern) to the log of run {@code executionId}. */
    @Transactional(TxType.REQUIRES_NEW)
    public void info(long executionId, String pattern, Object... args) {
        write(executionId, Level.INFO, pattern, args);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void error(long executionId, String pattern, Object... args) {
        write(executionId, Level.SEVERE, pattern, args);
    }

    /** The whole log, a line each, as {@code <time> [<level>] <message>}. */
    @Transactional(TxType.SUPPORTS)
    public String text(long executionId) {
        StringBuilder text = new StringBuilder();
        em.createQuery("SELECT l FROM GcLogLine l WHERE l.executionId = :id ORDER BY l.id", GcLogLine.class)
                .setParameter("id", executionId)
                .getResultStream()
                .forEach(l -> text.append(l.time()).append(' ').append(l.line()).append('\n'));
        return text.toString();
    }

    private void write(long executionId, Level level, String pattern, Object... args) {
        String message = new MessageFormat(pattern, Locale.ROOT).format(args);
        LOGGER.log(level, "GC {0}: {1}", new Object[] {executionId, message});
        String tag = level == Level.SEVERE ? "[ERROR] " : "[INFO] ";
        em.persist(new GcLogLine(executionId, Instant.now().truncatedTo(ChronoUnit.MILLIS), tag + message));
    }
}
