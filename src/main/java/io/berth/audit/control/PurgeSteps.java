package io.berth.audit.control;

import io.berth.audit.entity.AuditEntry;
import io.berth.audit.entity.PurgeExecution;
import io.berth.audit.entity.PurgeSchedule;
import io.berth.audit.entity.PurgeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a purge run, each in a transaction of its own ({@code REQUIRES_NEW}): a long purge commits chunk by
 * chunk, so it never holds a large lock, keeps its progress when stopped, and lets a stop request from another
 * node be seen between chunks.
 */
@ApplicationScoped
public class PurgeSteps {

    /** A lock older than this belongs to a run whose node died; another node may take it over. */
    static final Duration STALE_LOCK = Duration.ofHours(6);

    @PersistenceContext
    EntityManager em;

    /** A new Pending run, committed at once so that whichever thread runs it can claim it. */
    @Transactional(TxType.REQUIRES_NEW)
    public long create(String trigger, PurgeParameters parameters, String scheduleType, String scheduleCron) {
        PurgeExecution execution = new PurgeExecution(trigger, parameters.toJson(), scheduleType, scheduleCron,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        em.persist(execution);
        em.flush();
        return execution.id();
    }

    /** Claims the minute {@code minute} for a scheduled run; false if another node (or an earlier tick) has it. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean claimMinute(Instant minute) {
        return em.createNamedQuery(PurgeSchedule.CLAIM_MINUTE).setParameter("minute", minute).executeUpdate() == 1;
    }

    /** Takes the cluster's purge lock and marks the run Running; false if another purge holds the lock. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean claim(long executionId, String node) {
        Instant now = Instant.now();
        int locked = em.createNamedQuery(PurgeSchedule.LOCK).setParameter("id", executionId).setParameter("now", now)
                .setParameter("stale", now.minus(STALE_LOCK)).executeUpdate();
        if (locked == 0) {
            return false;
        }
        int claimed = em.createNamedQuery(PurgeExecution.CLAIM).setParameter("running", PurgeStatus.RUNNING)
                .setParameter("pending", PurgeStatus.PENDING).setParameter("node", node).setParameter("now", now)
                .setParameter("id", executionId).executeUpdate();
        if (claimed == 0) {
            em.createNamedQuery(PurgeSchedule.UNLOCK).setParameter("id", executionId).executeUpdate();
            return false;
        }
        return true;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public boolean stopRequested(long executionId) {
        PurgeExecution execution = em.find(PurgeExecution.class, executionId);
        return execution == null || execution.stopRequested();
    }

    /** Entries older than {@code cutoff} of the given types: deleted (at most {@code max}) or, in a dry run, counted. */
    @Transactional(TxType.REQUIRES_NEW)
    public long deleteChunk(Instant cutoff, List<PurgeParameters.EventType> types, int max, boolean dryRun) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        if (dryRun) {
            CriteriaQuery<Long> count = cb.createQuery(Long.class);
            Root<AuditEntry> e = count.from(AuditEntry.class);
            return em.createQuery(count.select(cb.count(e)).where(selected(cb, e, cutoff, types))).getSingleResult();
        }
        CriteriaQuery<Long> ids = cb.createQuery(Long.class);
        Root<AuditEntry> e = ids.from(AuditEntry.class);
        List<Long> chunk = em.createQuery(ids.select(e.get("id")).where(selected(cb, e, cutoff, types)))
                .setMaxResults(max).getResultList();
        if (chunk.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM AuditEntry e WHERE e.id IN :ids").setParameter("ids", chunk).executeUpdate();
    }

    /** Ends the run and releases the lock. */
    @Transactional(TxType.REQUIRES_NEW)
    public void finish(long executionId, PurgeStatus end, long purged, String log) {
        PurgeExecution execution = em.find(PurgeExecution.class, executionId);
        if (execution != null) {
            execution.finish(end, purged, log, Instant.now());
        }
        em.createNamedQuery(PurgeSchedule.UNLOCK).setParameter("id", executionId).executeUpdate();
    }

    private static Predicate selected(CriteriaBuilder cb, Root<AuditEntry> e, Instant cutoff,
            List<PurgeParameters.EventType> types) {
        List<Predicate> anyType = new ArrayList<>();
        for (PurgeParameters.EventType type : types) {
            Predicate operation = cb.equal(e.get("operation"), type.operation().value());
            anyType.add(type.resourceType() == null ? operation
                    : cb.and(operation, cb.equal(e.get("resourceType"), type.resourceType().value())));
        }
        return cb.and(cb.lessThan(e.get("opTime"), cutoff), cb.or(anyType.toArray(Predicate[]::new)));
    }
}
