package io.berth.gc.control;

import io.berth.registry.control.BlobPaths;
import io.berth.storage.spi.FileInfo;
import io.berth.storage.spi.PathNotFoundException;
import io.berth.storage.spi.StorageDriver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes abandoned uploads: sessions untouched since {@code before} (their bytes and their row), and directories
 * under {@code uploads/} older than that which no session owns (left by a node that died mid-request).
 */
@ApplicationScoped
public class UploadPurges {

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageDriver storage;

    /** Sessions last touched before {@code before}. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<String> abandoned(Instant before) {
        return em.createQuery("SELECT s.uuid FROM UploadSession s WHERE s.updateTime < :before", String.class)
                .setParameter("before", before).getResultList();
    }

    /**
     * Purges one session if it is still untouched since {@code before} (a chunk may have arrived since it was
     * listed); returns whether it did.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean purge(String uuid, Instant before) {
        int removed = em.createQuery("DELETE FROM UploadSession s WHERE s.uuid = :uuid AND s.updateTime < :before")
                .setParameter("uuid", uuid).setParameter("before", before).executeUpdate();
        if (removed == 1) {
            deleteQuietly(BlobPaths.uploadDirectory(uuid));
        }
        return removed == 1;
    }

    /**
     * Upload directories older than {@code before}, and at least an hour, with no session row; returns how many
     * went. The hour protects single-request uploads, which write there without a session.
     */
    public int purgeOrphans(Instant before) {
        Instant hourAgo = Instant.now().minus(java.time.Duration.ofHours(1));
        Instant limit = before.isBefore(hourAgo) ? before : hourAgo;
        List<String> directories;
        try {
            directories = storage.list(BlobPaths.UPLOADS);
        } catch (PathNotFoundException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> sessions = new HashSet<>(em.createQuery("SELECT s.uuid FROM UploadSession s", String.class).getResultList());
        int purged = 0;
        for (String directory : directories) {
            String uuid = directory.substring(directory.lastIndexOf('/') + 1);
            if (sessions.contains(uuid)) {
                continue;
            }
            try {
                FileInfo info = storage.stat(BlobPaths.upload(uuid));
                if (info.modified().isBefore(limit)) {
                    deleteQuietly(directory);
                    purged++;
                }
            } catch (PathNotFoundException e) {
                // no data file (yet): a request may be about to write it; leave it
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return purged;
    }

    private void deleteQuietly(String path) {
        try {
            storage.delete(path);
        } catch (PathNotFoundException e) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
