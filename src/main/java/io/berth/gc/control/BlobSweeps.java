package io.berth.gc.control;

import io.berth.platform.RetryOnConflict;
import io.berth.registry.control.StorageQuota;
import io.berth.registry.entity.Digest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The database steps that move blobs through {@link io.berth.registry.entity.BlobStatus}, each a short
 * transaction over a batch of ids. Every transition is a conditional UPDATE that re-checks, at that moment, that
 * no artifact references the blob and that it is older than the grace window; so whatever a push did since the
 * candidates were listed, a referenced or recently used blob is left alone.
 * <p>
 * Each step is a short transaction of conditional statements, so a deadlock with a push (MariaDB breaks it by rolling
 * one side back) is simply run again ({@link RetryOnConflict}).
 * <p>
 * Why a push and the sweep cannot both win on one blob: the push reads the blobs it needs with a shared row
 * lock held until it commits its {@code artifact_blob} rows ({@code ManifestRecords}); the sweep's UPDATE to
 * DELETING needs an exclusive lock on the same row, so it runs either after the push committed (and then sees
 * the reference and skips the blob) or before the push read (and the push sees DELETING and answers
 * MANIFEST_BLOB_UNKNOWN, so the client uploads the blob again).
 */
@ApplicationScoped
public class BlobSweeps {

    private static final String UNREFERENCED = " NOT EXISTS (SELECT 1 FROM artifact_blob ab WHERE ab.blob_id = b.id)";

    @Inject
    StorageQuota quota;

    @PersistenceContext
    EntityManager em;

    /**
     * Blobs no artifact references, last used before {@code cutoff}: the candidates. Blobs left in DELETING by
     * a run whose node died are included (only one run is active, so any DELETING row is such a leftover).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Candidate> unreferenced(Instant cutoff) {
        return candidates(em.createNativeQuery("SELECT b.id, b.digest, b.size, b.media_type FROM registry_blob b"
                        + " WHERE b.update_time < ?1 AND" + UNREFERENCED + " ORDER BY b.id", Object[].class)
                .setParameter(1, cutoff)
                .getResultList());
    }

    /** Blob ids the given artifacts reference. */
    @Transactional(TxType.REQUIRES_NEW)
    public Set<Long> referencedBy(Collection<Long> artifactIds) {
        Set<Long> blobs = new HashSet<>();
        for (List<Long> batch : batches(artifactIds, 1000)) {
            for (Object id : em.createNativeQuery("SELECT blob_id FROM artifact_blob WHERE artifact_id IN (?1)")
                    .setParameter(1, batch).getResultList()) {
                blobs.add(((Number) id).longValue());
            }
        }
        return blobs;
    }

    /**
     * Of {@code blobIds}, those older than {@code cutoff} that no artifact outside {@code goingArtifacts}
     * references: what deleting those artifacts would free (for a dry run).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Candidate> freedWith(Collection<Long> blobIds, Set<Long> goingArtifacts, Instant cutoff) {
        Set<Long> kept = new HashSet<>();
        for (List<Long> batch : batches(blobIds, 1000)) {
            List<Object[]> rows = em.createNativeQuery("SELECT blob_id, artifact_id FROM artifact_blob WHERE blob_id IN (?1)", Object[].class)
                    .setParameter(1, batch).getResultList();
            for (Object[] row : rows) {
                if (!goingArtifacts.contains(((Number) row[1]).longValue())) {
                    kept.add(((Number) row[0]).longValue());
                }
            }
        }
        List<Candidate> freed = new ArrayList<>();
        for (List<Long> batch : batches(blobIds.stream().filter(id -> !kept.contains(id)).toList(), 1000)) {
            freed.addAll(candidates(em.createNativeQuery("SELECT b.id, b.digest, b.size, b.media_type FROM registry_blob b"
                            + " WHERE b.id IN (?1) AND b.update_time < ?2", Object[].class)
                    .setParameter(1, batch).setParameter(2, cutoff).getResultList()));
        }
        return freed;
    }

    /** Mark: NONE → DELETE for those of {@code ids} still unreferenced and old. Returns how many were marked. */
    @RetryOnConflict
    @Transactional(TxType.REQUIRES_NEW)
    public int mark(List<Long> ids, Instant cutoff) {
        return em.createNativeQuery("UPDATE registry_blob b SET status = 'DELETE' WHERE b.id IN (?1) AND b.status = 'NONE'"
                        + " AND b.update_time < ?2 AND" + UNREFERENCED)
                .setParameter(1, ids).setParameter(2, cutoff).executeUpdate();
    }

    /**
     * Sweep, first step: DELETE or DELETE_FAILED → DELETING for those of {@code ids} still unreferenced and old
     * (a touch in between moved a blob back to NONE with a fresh time, so it is skipped). From the commit on,
     * clients see these blobs as absent. Returns the blobs now in DELETING, whose bytes may go.
     */
    @RetryOnConflict
    @Transactional(TxType.REQUIRES_NEW)
    public List<Candidate> claim(List<Long> ids, Instant cutoff) {
        em.createNativeQuery("UPDATE registry_blob b SET status = 'DELETING' WHERE b.id IN (?1)"
                        + " AND b.status IN ('DELETE', 'DELETE_FAILED') AND b.update_time < ?2 AND" + UNREFERENCED)
                .setParameter(1, ids).setParameter(2, cutoff).executeUpdate();
        // Belt and braces: a locking read sees every committed reference, whatever the isolation level made the
        // UPDATE's subquery see. A blob referenced after all goes back to NONE and is not deleted.
        List<Long> referenced = new ArrayList<>();
        for (Object id : em.createNativeQuery("SELECT blob_id FROM artifact_blob WHERE blob_id IN (?1) FOR UPDATE")
                .setParameter(1, ids).getResultList()) {
            referenced.add(((Number) id).longValue());
        }
        if (!referenced.isEmpty()) {
            em.createNativeQuery("UPDATE registry_blob SET status = 'NONE' WHERE id IN (?1) AND status = 'DELETING'")
                    .setParameter(1, referenced).executeUpdate();
        }
        return candidates(em.createNativeQuery("SELECT b.id, b.digest, b.size, b.media_type FROM registry_blob b"
                        + " WHERE b.id IN (?1) AND b.status = 'DELETING'", Object[].class)
                .setParameter(1, ids).getResultList());
    }

    /**
     * Sweep, last step: the bytes are gone, so the rows go (with every project's sight of them), and each project's
     * quota usage drops by what it no longer holds, in the same transaction.
     */
    @RetryOnConflict
    @Transactional(TxType.REQUIRES_NEW)
    public void removeRows(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<Object[]> freed = em.createNativeQuery("SELECT pb.project_id, SUM(b.size) FROM project_blob pb"
                        + " JOIN registry_blob b ON b.id = pb.blob_id WHERE b.id IN (?1) AND b.status = 'DELETING'"
                        + " GROUP BY pb.project_id", Object[].class)
                .setParameter(1, ids).getResultList();
        for (Object[] row : freed) {
            quota.release(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        em.createNativeQuery("DELETE FROM project_blob WHERE blob_id IN (?1)").setParameter(1, ids).executeUpdate();
        em.createNativeQuery("DELETE FROM registry_blob WHERE id IN (?1) AND status = 'DELETING'").setParameter(1, ids).executeUpdate();
    }

    /** DELETING → DELETE_FAILED: the store refused; the next run tries again, and clients still see them as absent. */
    @RetryOnConflict
    @Transactional(TxType.REQUIRES_NEW)
    public void failed(List<Long> ids) {
        if (!ids.isEmpty()) {
            em.createNativeQuery("UPDATE registry_blob SET status = 'DELETE_FAILED' WHERE id IN (?1) AND status = 'DELETING'")
                    .setParameter(1, ids).executeUpdate();
        }
    }

    /** Splits {@code ids} into lists of at most {@code size}. */
    public static List<List<Long>> batches(Collection<Long> ids, int size) {
        List<List<Long>> batches = new ArrayList<>();
        List<Long> current = new ArrayList<>(size);
        for (Long id : ids) {
            current.add(id);
            if (current.size() == size) {
                batches.add(current);
                current = new ArrayList<>(size);
            }
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static List<Candidate> candidates(List<Object[]> rows) {
        List<Candidate> candidates = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            candidates.add(new Candidate(((Number) row[0]).longValue(), Digest.parse((String) row[1]),
                    ((Number) row[2]).longValue(), row[3] != null));
        }
        return candidates;
    }
}
