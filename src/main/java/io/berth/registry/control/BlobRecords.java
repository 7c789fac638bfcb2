package io.berth.registry.control;

import io.berth.platform.RetryOnConflict;
import io.berth.registry.entity.Blob;
import io.berth.registry.entity.BlobStatus;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.ProjectBlob;
import io.berth.registry.entity.UploadSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes the metadata of blobs whose bytes are already in place: the blob row and the project's sight of it.
 * <p>
 * Each method is its own short transaction, retried when it loses a race (two clients finishing the same
 * blob at once both insert it; the loser finds the winner's row on its second attempt). The facades that
 * stream bytes call in here only after the bytes are verified and moved, so no transaction is held open
 * while a client sends gigabytes.
 */
@ApplicationScoped
public class BlobRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageQuota quota;

    /**
     * Records a verified blob as visible in the project and ends the upload session, if any.
     *
     * @throws BlobBeingCollectedException if GC started deleting the blob after {@link #claimForWrite}
     */
    @RetryOnConflict
    @Transactional(TxType.REQUIRES_NEW)
    public void register(long projectId, Digest digest, long size, String mediaType, String uploadUuid) {
        Instant now = Clock.now();
        Blob blob = ensure(digest, size, mediaType, now);
        link(projectId, blob, now);
        if (uploadUuid != null) {
            UploadSession session = em.find(UploadSession.class, uploadUuid);
            if (session != null) {
                em.remove(session);
            }
        }
    }

    /** Makes a blob already visible in one project visible in another (a cross-repository mount). */
    @RetryOnConflict
    @Transactional(TxType.REQUIRES_NEW)
    public boolean mount(long fromProjectId, long toProjectId, Digest digest) {
        Optional<Blob> blob = visible(fromProjectId, digest);
        if (blob.isEmpty() || !blob.get().status().isUsable()) {
            return false;
        }
        Instant now = Clock.now();
        if (touch(digest, now) == 0) {
            return false; // GC took it between the read and now: the client uploads it instead
        }
        link(toProjectId, blob.get(), now);
        return true;
    }

    /**
     * Takes a blob that GC marked for deletion back to NONE, because a client is about to rely on it. False when
     * GC is already deleting it (or it is gone): then the blob is absent for the client.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean rescue(Digest digest) {
        return touch(digest, Clock.now()) > 0;
    }

    /**
     * Prepares a write of the blob's bytes to their content address: an existing row goes back to NONE with a
     * fresh grace window (from DELETE or DELETE_FAILED too), so this GC run cannot start deleting it.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public WriteClaim claimForWrite(Digest digest) {
        int updated = em.createNamedQuery(Blob.REFRESH).setParameter("now", Clock.now())
                .setParameter("digest", digest.toString()).executeUpdate();
        if (updated > 0) {
            return WriteClaim.CLAIMED;
        }
        return em.createNamedQuery(Blob.STATUS, BlobStatus.class).setParameter("digest", digest.toString())
                .getResultList().isEmpty() ? WriteClaim.NEW : WriteClaim.BEING_COLLECTED;
    }

    /** Outcome of {@link #claimForWrite}. */
    public enum WriteClaim {
        /** The row exists and is back in NONE. */
        CLAIMED,
        /** There is no row: the blob is new (or GC has just finished removing it). */
        NEW,
        /** GC is deleting the bytes right now: writing them would be undone. */
        BEING_COLLECTED
    }

    private int touch(Digest digest, Instant now) {
        return em.createNamedQuery(Blob.TOUCH).setParameter("now", now).setParameter("digest", digest.toString()).executeUpdate();
    }

    /**
     * Moves those of {@code blobs} that GC marked back to NONE. Must run inside a transaction that has read the
     * blobs with a lock (so GC cannot move them on meanwhile); throws if one slipped away all the same.
     */
    public void reclaim(List<Blob> blobs, Instant now) {
        List<Long> marked = blobs.stream().filter(b -> b.status() == BlobStatus.DELETE).map(Blob::id).toList();
        if (!marked.isEmpty()) {
            int updated = em.createNamedQuery(Blob.RECLAIM).setParameter("now", now).setParameter("ids", marked).executeUpdate();
            if (updated != marked.size()) {
                throw new BlobBeingCollectedException(blobs.get(0).digest());
            }
        }
    }

    /** The blob row for {@code digest}, inserted if new. Must run inside a transaction. */
    public Blob ensure(Digest digest, long size, String mediaType, Instant now) {
        Optional<Blob> existing = em.createNamedQuery(Blob.FIND_BY_DIGEST, Blob.class)
                .setParameter("digest", digest.toString())
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            // Written again: GC's grace window starts over, and a mark is lifted. If GC is deleting the blob, the
            // bytes just written may be deleted with it, so nothing may link to this row.
            if (em.createNamedQuery(Blob.REFRESH).setParameter("now", now).setParameter("digest", digest.toString())
                    .executeUpdate() == 0) {
                throw new BlobBeingCollectedException(digest);
            }
            return existing.get();
        }
        Blob blob = new Blob(digest, size, mediaType, now);
        em.persist(blob);
        em.flush();
        return blob;
    }

    /**
     * Lets the project see the blob, charging its size to the project's quota the first time: a blob the project
     * sees already costs nothing again. Must run inside a transaction, which a refusal ({@code DENIED}) rolls back.
     * Two transactions linking the same blob at once both charge, but only one inserts the link; the other fails on
     * the key and its charge rolls back with it.
     * <p>
     * A link found is read again with a lock: on MariaDB the first read comes from the transaction's snapshot,
     * which may predate garbage collection removing the link (and releasing its usage) while this transaction
     * waited for the blob row; then the blob is linked and charged anew. The lock also keeps GC from removing the
     * link until this transaction ends. A link not found takes no lock (a locked miss would lock the key's gap and
     * make concurrent pushes into one project deadlock).
     */
    public void link(long projectId, Blob blob, Instant now) {
        ProjectBlob known = em.find(ProjectBlob.class, new ProjectBlob.Key(projectId, blob.id()));
        if (known != null) {
            boolean stillLinked = !em.createNamedQuery(ProjectBlob.FIND_LOCKED, ProjectBlob.class)
                    .setParameter("projectId", projectId)
                    .setParameter("blobId", blob.id())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList().isEmpty();
            if (stillLinked) {
                return;
            }
            em.detach(known);
        }
        quota.charge(projectId, blob.size());
        em.persist(new ProjectBlob(projectId, blob.id(), now));
        em.flush();
    }

    /** The blob if the project may see it. */
    public Optional<Blob> visible(long projectId, Digest digest) {
        return em.createNamedQuery(ProjectBlob.FIND_VISIBLE, Blob.class)
                .setParameter("projectId", projectId)
                .setParameter("digest", digest.toString())
                .getResultStream().findFirst();
    }
}
