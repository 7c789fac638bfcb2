package io.berth.audit.control;

import io.berth.audit.entity.AuditEntry;
import io.berth.audit.entity.PurgeExecution;
import io.berth.audit.entity.PurgeStatus;
import io.berth.jobs.control.JobBusyException;
import io.berth.jobs.control.Leases;
import io.berth.jobs.control.NodeIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps of a purge run, each in a transaction of its own ({@code REQUIRES_NEW}): a long purge commits chunk by
 * chunk, so it never holds a large lock, keeps its progress when stopped, and lets a stop request from another
 * node be seen between chunks. One purge runs at a time in the cluster: opening a run takes the {@link #JOB} lease
 * of {@code io.berth.jobs} in the transaction that records it, and a lease whose node stopped renewing is taken
 * over, that node's run recorded as failed.
 */
@ApplicationScoped
public class PurgeSteps {

    /** The purge's name in {@code job_lease} and {@code job_schedule}. */
    public static final String JOB = "purge_audit";
    /**
     * How long a claim outlives its last renewal. Generous, because one chunk or a dry run's count is a single
     * statement that cannot renew while it runs; a dead node's purge blocks the next one for at most this long.
     */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** How often a running purge renews its claim (between chunks). */
    static final Duration HEARTBEAT = Duration.ofSeconds(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    Leases leases;

    @Inject
    NodeIdentity node;

    /**
     * Records a Pending run and claims the purge for it, committed at once so whichever thread runs it finds it.
     *
     * @throws JobBusyException if another run holds the claim; nothing is recorded then
     */
    @Transactional(TxType.REQUIRES_NEW)
    public long open(String trigger, PurgeParameters parameters, String scheduleType, String scheduleCron) {
        Optional<Leases.Holder> holder = leases.holder(JOB);
        if (holder.isPresent() && !holder.get().expired()) {
            throw new JobBusyException("audit log purge", holder.get().executionId());
        }
        PurgeExecution execution = new PurgeExecution(trigger, parameters.toJson(), scheduleType, scheduleCron, now());
        em.persist(execution);
        em.flush();
        if (!leases.claim(JOB, node.id(), execution.id(), LEASE)) {
            // Another node claimed it between the read and the claim; the rollback removes the row above.
            throw new JobBusyException("audit log purge", leases.holder(JOB).map(Leases.Holder::executionId).orElse(-1L));
        }
        holder.ifPresent(previous -> abandon(previous.executionId()));
        return execution.id();
    }

    /** Marks the run Running on this node; false if it was asked to stop before it started. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean start(long executionId) {
        return em.createNamedQuery(PurgeExecution.CLAIM).setParameter("running", PurgeStatus.RUNNING)
                .setParameter("pending", PurgeStatus.PENDING).setParameter("node", node.id()).setParameter("now", now())
                .setParameter("id", executionId).executeUpdate() == 1;
    }

    /** Extends the run's claim; false if it lost it (its lease expired and another node took over), and must stop. */
    public boolean renew(long executionId) {
        return leases.renew(JOB, node.id(), executionId, LEASE);
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

    /** Records how the run ended. The claim is freed apart ({@link #release}), whatever happened here. */
    @Transactional(TxType.REQUIRES_NEW)
    public void finish(long executionId, PurgeStatus end, long purged, String log) {
        PurgeExecution execution = em.find(PurgeExecution.class, executionId);
        if (execution != null) {
            execution.finish(end, purged, log, now());
        }
    }

    /** Frees the claim if this node still holds it for the run. */
    public void release(long executionId) {
        leases.release(JOB, node.id(), executionId);
    }

    /**
     * Frees the claim of a node that stopped renewing it (it died or lost the database) and records its run as
     * failed. Called on every node's timer tick, so a crash never blocks purges for longer than {@link #LEASE}.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void recoverAbandoned() {
        leases.releaseIfExpired(JOB).ifPresent(this::abandon);
    }

    private void abandon(long executionId) {
        PurgeExecution previous = em.find(PurgeExecution.class, executionId);
        if (previous != null && !previous.status().isFinal()) {
            previous.finish(PurgeStatus.ERROR, previous.purged(), previous.log() + PurgeRunner.line("node " + previous.node()
                    + " stopped renewing its claim on the purge; the run is marked as failed"), now());
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
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
