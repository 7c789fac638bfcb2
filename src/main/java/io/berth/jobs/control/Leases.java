package io.berth.jobs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Cluster-wide claims on a kind of job, one {@code job_lease} row per job name. A claim is a conditional
 * UPDATE (the row is free, or its lease expired), so of several nodes asking at once exactly one wins, whatever
 * their memory says. The holder renews the lease while it works; a node that dies stops renewing, and once the
 * lease has expired anyone may take it over, so a crash never leaves a job stuck.
 */
@ApplicationScoped
public class Leases {

    @PersistenceContext
    EntityManager em;

    /** Who holds a lease: the node, the execution it runs, and whether it stopped renewing in time. */
    public record Holder(String owner, long executionId, boolean expired) {
    }

    /** The current holder of {@code name}, if it is taken (expired or not). */
    @Transactional(TxType.SUPPORTS)
    public Optional<Holder> holder(String name) {
        // Expiry is compared in SQL, against a parameter bound like every other timestamp: no zone conversions here.
        List<Object[]> rows = em.createNativeQuery("SELECT owner, execution_id,"
                        + " CASE WHEN expires_at IS NULL OR expires_at < ?2 THEN 1 ELSE 0 END"
                        + " FROM job_lease WHERE name = ?1 AND owner IS NOT NULL", Object[].class)
                .setParameter(1, name)
                .setParameter(2, now())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new Holder((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).intValue() == 1));
    }

    /**
     * Takes {@code name} for {@code executionId} if it is free or its lease has expired. Joins the caller's
     * transaction, so the claim and the caller's own rows commit (or vanish) together.
     */
    @Transactional(TxType.MANDATORY)
    public boolean claim(String name, String owner, long executionId, Duration ttl) {
        Instant now = now();
        return em.createNativeQuery("UPDATE job_lease SET owner = ?1, execution_id = ?2, expires_at = ?3, update_time = ?4"
                        + " WHERE name = ?5 AND (owner IS NULL OR expires_at < ?4)")
                .setParameter(1, owner)
                .setParameter(2, executionId)
                .setParameter(3, now.plus(ttl))
                .setParameter(4, now)
                .setParameter(5, name)
                .executeUpdate() == 1;
    }

    /** Extends the holder's lease; false if it is no longer the holder (it was taken over), and must stop. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean renew(String name, String owner, long executionId, Duration ttl) {
        Instant now = now();
        return em.createNativeQuery("UPDATE job_lease SET expires_at = ?1, update_time = ?2"
                        + " WHERE name = ?3 AND owner = ?4 AND execution_id = ?5")
                .setParameter(1, now.plus(ttl))
                .setParameter(2, now)
                .setParameter(3, name)
                .setParameter(4, owner)
                .setParameter(5, executionId)
                .executeUpdate() == 1;
    }

    /** Frees the lease if {@code owner} still holds it for {@code executionId}. */
    @Transactional(TxType.REQUIRES_NEW)
    public void release(String name, String owner, long executionId) {
        em.createNativeQuery("UPDATE job_lease SET owner = NULL, execution_id = NULL, expires_at = NULL, update_time = ?1"
                        + " WHERE name = ?2 AND owner = ?3 AND execution_id = ?4")
                .setParameter(1, now())
                .setParameter(2, name)
                .setParameter(3, owner)
                .setParameter(4, executionId)
                .executeUpdate();
    }

    /** Frees an expired lease whoever holds it (its holder is gone); true if there was one. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean releaseExpired(String name, long executionId) {
        Instant now = now();
        return em.createNativeQuery("UPDATE job_lease SET owner = NULL, execution_id = NULL, expires_at = NULL, update_time = ?1"
                        + " WHERE name = ?2 AND execution_id = ?3 AND expires_at < ?1")
                .setParameter(1, now)
                .setParameter(2, name)
                .setParameter(3, executionId)
                .executeUpdate() == 1;
    }

    /**
     * Frees {@code name}'s lease if its holder let it expire (it died or lost the database), and gives the execution
     * it held, for the caller to record as failed; empty if the lease is free, live, or taken over by another node.
     */
    public Optional<Long> releaseIfExpired(String name) {
        return holder(name).filter(Holder::expired).map(Holder::executionId).filter(id -> releaseExpired(name, id));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
