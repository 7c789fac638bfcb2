package io.berth.gc.control;

import io.berth.platform.RetryOnConflict;
import io.berth.registry.control.StorageQuota;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Harbor's "remove the project-blob relation of blobs a project no longer references": a project keeps a link
 * ({@code project_blob}) to every blob it uploaded, mounted or pushed as a manifest, and its quota usage counts
 * them. When it deletes an image whose layers another project still uses, the blobs stay, so the sweep never
 * releases them; this step does. A link goes when no artifact of the project references the blob (its own
 * manifest, config, layers; an index's children are artifacts of their own) and both the link and the blob are
 * older than the grace window, and the project's usage drops by the blob's size in the same transaction.
 * <p>
 * Why a push and the unlink cannot both win on one link: the unlink takes an exclusive lock on the blob rows
 * first. A manifest push holds a shared lock on the blobs it needs until it commits its {@code artifact_blob}
 * rows ({@code ManifestRecords}), so the unlink waits for it and then sees the reference. An upload or a mount
 * refreshes the blob's time (an exclusive row update) before it links, so it either comes first (and the unlink
 * sees a fresh blob and keeps the link) or waits for the unlink (and then links the blob anew, charging it again:
 * {@code BlobRecords.link} re-reads an existing link with a lock, so a snapshot older than the unlink cannot fool it).
 * Everything after the locks is read with locking reads or, on MariaDB, in a snapshot taken after them.
 * Deadlocks with pushes are broken by the database and the step simply runs again ({@link RetryOnConflict}).
 */
@ApplicationScoped
public class ProjectLinks {

    private static final String STALE = "pb.creation_time < ?1 AND b.update_time < ?1 AND NOT EXISTS (SELECT 1 FROM artifact_blob ab"
            + " JOIN artifact a ON a.id = ab.artifact_id WHERE ab.blob_id = pb.blob_id AND a.project_id = pb.project_id)";

    @Inject
    StorageQuota quota;

    @PersistenceContext
    EntityManager em;

    /** A project's links that no artifact of the project needs any longer: the blobs, and the bytes they count. */
    public record Stale(long projectId, List<Long> blobIds, long bytes) {
    }

    /** What {@link #unlink} removed: how many links, and how many bytes went off the project's usage. */
    public record Unlinked(int links, long bytes) {
    }

    /** Every project's stale links, older than {@code cutoff}, by project, at most {@code batch} blobs per entry. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Stale> stale(Instant cutoff, int batch) {
        List<Object[]> rows = em.createNativeQuery("SELECT pb.project_id, pb.blob_id, b.size FROM project_blob pb"
                        + " JOIN registry_blob b ON b.id = pb.blob_id WHERE " + STALE + " ORDER BY pb.project_id, pb.blob_id", Object[].class)
                .setParameter(1, cutoff)
                .getResultList();
        Map<Long, List<Object[]>> byProject = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byProject.computeIfAbsent(((Number) row[0]).longValue(), p -> new ArrayList<>()).add(row);
        }
        List<Stale> stale = new ArrayList<>();
        byProject.forEach((projectId, links) -> {
            for (int from = 0; from < links.size(); from += batch) {
                List<Object[]> slice = links.subList(from, Math.min(links.size(), from + batch));
                stale.add(new Stale(projectId, slice.stream().map(r -> ((Number) r[1]).longValue()).toList(),
                        slice.stream().mapToLong(r -> ((Number) r[2]).longValue()).sum()));
            }
        });
        return stale;
    }

    /**
     * Removes those of the project's links to {@code blobIds} that are still stale now, and releases their sizes
     * from the project's usage, in one transaction.
     */
    @RetryOnConflict
    @Transactional(TxType.REQUIRES_NEW)
    public Unlinked unlink(long projectId, List<Long> blobIds, Instant cutoff) {
        if (blobIds.isEmpty()) {
            return new Unlinked(0, 0);
        }
        // The exclusive lock that orders this step after any push holding the blobs, and any push after it.
        Map<Long, Long> sizes = new LinkedHashMap<>();
        List<Object[]> locked = em.createNativeQuery("SELECT id, size FROM registry_blob WHERE id IN (?1) AND update_time < ?2"
                        + " ORDER BY id FOR UPDATE", Object[].class)
                .setParameter(1, blobIds).setParameter(2, cutoff).getResultList();
        for (Object[] row : locked) {
            sizes.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        if (sizes.isEmpty()) {
            return new Unlinked(0, 0);
        }
        List<Long> old = List.copyOf(sizes.keySet());
        Set<Long> linked = new HashSet<>();
        for (Object id : em.createNativeQuery("SELECT blob_id FROM project_blob WHERE project_id = ?1 AND blob_id IN (?2)"
                        + " AND creation_time < ?3 FOR UPDATE")
                .setParameter(1, projectId).setParameter(2, old).setParameter(3, cutoff).getResultList()) {
            linked.add(((Number) id).longValue());
        }
        for (Object id : em.createNativeQuery("SELECT ab.blob_id FROM artifact_blob ab JOIN artifact a ON a.id = ab.artifact_id"
                        + " WHERE a.project_id = ?1 AND ab.blob_id IN (?2)")
                .setParameter(1, projectId).setParameter(2, old).getResultList()) {
            linked.remove(((Number) id).longValue());
        }
        if (linked.isEmpty()) {
            return new Unlinked(0, 0);
        }
        List<Long> going = List.copyOf(linked);
        int removed = em.createNativeQuery("DELETE FROM project_blob WHERE project_id = ?1 AND blob_id IN (?2)")
                .setParameter(1, projectId).setParameter(2, going).executeUpdate();
        if (removed != going.size()) {
            // The link rows are locked, so only a bug gets here; usage must not drift from the links.
            throw new IllegalStateException("removed " + removed + " of " + going.size() + " locked links of project " + projectId);
        }
        long bytes = going.stream().mapToLong(sizes::get).sum();
        quota.release(projectId, bytes);
        return new Unlinked(going.size(), bytes);
    }
}
