package io.berth.registry.boundary;

import io.berth.registry.control.PullLedger;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the pulls {@link PullLedger} collected: every five seconds and once more when the application stops.
 * One UPDATE per repository adds its pull count; one per pulled artifact and tag moves its pull time forward
 * (never back, as another node may have flushed a later pull). A failed flush puts the batch back for the next.
 * The ledger holds its lock from the drain until {@link #write} has committed, so views that add the pending
 * pulls to the database's figures never count one twice.
 */
@Singleton
@Startup
public class PullFlush {

    private static final Logger LOGGER = Logger.getLogger(PullFlush.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PullLedger ledger;

    @Resource
    SessionContext context;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
        flush();
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void atShutdown() {
        flush();
    }

    private void flush() {
        PullFlush self = context.getBusinessObject(PullFlush.class);
        try {
            ledger.flush(self::write);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Pull statistics not written, will retry: {0}", e.toString());
        }
    }

    /** Writes one batch in its own transaction; public only so the container starts that transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(PullLedger.Batch batch) {
        for (Map.Entry<String, Long> e : batch.counts().entrySet()) {
            em.createQuery("UPDATE Repository r SET r.pullCount = r.pullCount + :n WHERE r.name = :name")
                    .setParameter("n", e.getValue()).setParameter("name", e.getKey()).executeUpdate();
        }
        for (Map.Entry<PullLedger.Key, Instant> e : batch.artifacts().entrySet()) {
            em.createQuery("UPDATE Artifact a SET a.pullTime = :time WHERE a.digest = :digest"
                            + " AND a.repositoryId IN (SELECT r.id FROM Repository r WHERE r.name = :name)"
                            + " AND (a.pullTime IS NULL OR a.pullTime < :time)")
                    .setParameter("time", e.getValue()).setParameter("digest", e.getKey().reference())
                    .setParameter("name", e.getKey().repository()).executeUpdate();
        }
        for (Map.Entry<PullLedger.Key, Instant> e : batch.tags().entrySet()) {
            em.createQuery("UPDATE ArtifactTag t SET t.pullTime = :time WHERE t.name = :tag"
                            + " AND t.repositoryId IN (SELECT r.id FROM Repository r WHERE r.name = :name)"
                            + " AND (t.pullTime IS NULL OR t.pullTime < :time)")
                    .setParameter("time", e.getValue()).setParameter("tag", e.getKey().reference())
                    .setParameter("name", e.getKey().repository()).executeUpdate();
        }
    }
}
