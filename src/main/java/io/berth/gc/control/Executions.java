package io.berth.gc.control;

import io.berth.gc.entity.GcExecution;
import io.berth.gc.entity.GcParameters;
import io.berth.gc.entity.GcResult;
import io.berth.gc.entity.GcStatus;
import io.berth.gc.entity.GcTrigger;
import io.berth.jobs.control.JobBusyException;
import io.berth.jobs.control.Leases;
import io.berth.jobs.control.NodeIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The history of GC runs and the cluster-wide claim that lets one run at a time. Opening a run inserts its row
 * and takes the {@code gc} lease in one transaction: if the lease is held (and not expired), nothing is written
 * and the caller learns which run holds it. A lease whose holder stopped renewing is taken over, and that
 * holder's run is recorded as failed.
 */
@ApplicationScoped
public class Executions {

    /** The name of the GC's row in {@code job_lease}. */
    public static final String LEASE = "gc";

    @PersistenceContext
    EntityManager em;

    @Inject
    Leases leases;

    @Inject
    NodeIdentity node;

    @Inject
    GcSettings settings;

    @Inject
    GcLog log;

    /** Records a new run as Pending and claims the GC for it; {@link JobBusyException} if another run holds it. */
    @Transactional(TxType.REQUIRES_NEW)
    public long open(GcTrigger trigger, GcParameters parameters) {
        Optional<Leases.Holder> holder = leases.holder(LEASE);
        if (holder.isPresent() && !holder.get().expired()) {
            throw new JobBusyException("garbage collection", holder.get().executionId());
        }
        GcExecution execution = new GcExecution(trigger, parameters,
                parameters.timeWindow() == null ? settings.timeWindow() : parameters.timeWindow(), node.id(), now());
        em.persist(execution);
        em.flush();
        if (!leases.claim(LEASE, node.id(), execution.id(), GcSettings.LEASE)) {
            // Lost a race with another node between the read and the claim.
            throw new JobBusyException("garbage collection", leases.holder(LEASE).map(Leases.Holder::executionId).orElse(-1L));
        }
        holder.ifPresent(previous -> abandon(previous.executionId()));
        return execution.id();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public GcExecution started(long id) {
        GcExecution execution = em.find(GcExecution.class, id);
        execution.started(now());
        return execution;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void finished(long id, GcStatus outcome, GcResult result) {
        em.find(GcExecution.class, id).finished(outcome, result, now());
    }

    /** Whether someone asked run {@code id} to stop (read fresh from the database: the request may come from any node). */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean stopRequested(long id) {
        return em.createQuery("SELECT e.stopRequested FROM GcExecution e WHERE e.id = :id", Boolean.class)
                .setParameter("id", id).getSingleResult();
    }

    /** Asks run {@code id} to stop; false if there is no such run. A finished run stays as it is. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean requestStop(long id) {
        GcExecution execution = em.find(GcExecution.class, id);
        if (execution == null) {
            return false;
        }
        if (!execution.status().isFinal()) {
            execution.requestStop(now());
        }
        return true;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<GcExecution> find(long id) {
        return Optional.ofNullable(em.find(GcExecution.class, id));
    }

    /** Runs, newest first. */
    @Transactional(TxType.SUPPORTS)
    public List<GcExecution> list(int offset, int limit) {
        return em.createQuery("SELECT e FROM GcExecution e ORDER BY e.id DESC", GcExecution.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Transactional(TxType.SUPPORTS)
    public long count() {
        return em.createQuery("SELECT COUNT(e) FROM GcExecution e", Long.class).getSingleResult();
    }

    /**
     * Frees the GC claim of a node that stopped renewing it (it died or lost the database), and records its run
     * as failed. Called on every node's timer tick, so a crash never leaves GC stuck for longer than a lease.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void recoverAbandoned() {
        leases.releaseIfExpired(LEASE).ifPresent(this::abandon);
    }

    private void abandon(long executionId) {
        GcExecution previous = em.find(GcExecution.class, executionId);
        if (previous != null && !previous.status().isFinal()) {
            previous.abandoned(now());
            log.error(executionId, "Node {0} stopped renewing its claim on the garbage collection; the run is marked as failed",
                    previous.node());
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
