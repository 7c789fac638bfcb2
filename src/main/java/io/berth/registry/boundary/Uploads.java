package io.berth.registry.boundary;

import io.berth.registry.control.BlobPaths;
import io.berth.registry.control.BlobBeingCollectedException;
import io.berth.registry.control.BlobRecords;
import io.berth.registry.control.BlobWrites;
import io.berth.registry.control.DigestingCopier;
import io.berth.registry.control.ProjectResolver;
import io.berth.registry.control.StorageQuota;
import io.berth.registry.control.StoreWriters;
import io.berth.registry.control.UploadHashes;
import io.berth.registry.control.UploadSessions;
import io.berth.registry.entity.ContentRange;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.UploadSession;
import io.berth.storage.spi.FileWriter;
import io.berth.storage.spi.PathNotFoundException;
import io.berth.storage.spi.StorageDriver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Blob uploads, one method per transition of distribution's upload state machine:
 * <pre>
 *   start ──▶ append* ──▶ complete      (POST, PATCH..., PUT ?digest=)
 *     │          └──────▶ cancel        (DELETE)
 *     └─ monolithic                     (POST ?digest= with the whole blob)
 * </pre>
 * Bytes stream into {@code uploads/<uuid>/data} and are hashed on the way; only a blob whose digest
 * matches is moved into its content-addressed place, and only then is it recorded in the database. A
 * mismatch removes the upload entirely, and so does a blob over the project's quota: it is refused before
 * its bytes are placed, and again, race-safe, when it is recorded. Session rows and stored bytes, never this
 * node's memory, say where an upload stands, so a client may continue after a restart or on another node.
 */
@ApplicationScoped
public class Uploads {

    private static final Logger LOGGER = Logger.getLogger(Uploads.class.getName());

    /** Upper bound for a body without Content-Length: nothing a registry stores is near it. */
    static final long UNBOUNDED = Long.MAX_VALUE;

    @Inject
    StorageDriver storage;

    @Inject
    ProjectResolver projects;

    @Inject
    UploadSessions sessions;

    @Inject
    BlobRecords records;

    @Inject
    UploadHashes hashes;

    @Inject
    StorageQuota quota;

    @Inject
    BlobWrites writes;

    @Inject
    StoreWriters storeWriters;

    /** Uploads a request on this node is writing to: two requests appending to one file would corrupt it. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    /** Opens an upload session in the repository's project ({@code NAME_UNKNOWN} if there is no project). */
    public UploadStatus start(RepositoryName name) {
        long projectId = projects.require(name).id();
        String uuid = UUID.randomUUID().toString();
        try (FileWriter writer = storage.writer(BlobPaths.upload(uuid), false)) {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sessions.open(uuid, name, projectId);
        return new UploadStatus(name, uuid, 0);
    }

    /**
     * Receives a whole blob in one request (POST with {@code ?digest=}).
     *
     * @param contentLength the announced length, or -1 when the body is chunked
     */
    public Digest monolithic(RepositoryName name, Digest digest, InputStream body, long contentLength) {
        long projectId = projects.require(name).id();
        String uuid = UUID.randomUUID().toString();
        String path = BlobPaths.upload(uuid);
        try {
            MessageDigest md = digest.newMessageDigest();
            long size;
            try (FileWriter writer = storage.writer(path, false)) {
                size = DigestingCopier.copy(body, writer, md, limit(contentLength), storeWriters.executor());
                requireAnnounced(size, contentLength);
                writer.commit();
            }
            requireRoom(projectId, digest, size);
            verifyAndPlace(uuid, digest, Digest.of(digest.algorithm(), md.digest()), size);
            register(projectId, digest, size, null);
            return digest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            removeQuietly(BlobPaths.uploadDirectory(uuid));
        }
    }

    /**
     * Appends a chunk (PATCH); {@code range} is null for a streamed chunk without Content-Range. A chunk that is
     * refused or breaks off leaves the upload as it was, so the client can send it again.
     */
    public UploadStatus append(RepositoryName name, String uuid, ContentRange range, InputStream body, long contentLength) {
        UploadSession session = sessions.require(name, uuid);
        claim(uuid);
        try {
            long size = write(session, range, body, contentLength);
            sessions.progressed(uuid, size);
            return new UploadStatus(name, uuid, size);
        } finally {
            busy.remove(uuid);
        }
    }

    /** Finishes an upload (PUT ?digest=), with an optional last chunk in the body. */
    public Digest complete(RepositoryName name, String uuid, Digest digest, ContentRange range, InputStream body,
            long contentLength) {
        UploadSession session = sessions.require(name, uuid);
        claim(uuid);
        try {
            long size = write(session, range, body, contentLength);
            MessageDigest md = hashes.take(uuid, digest.newMessageDigest().getAlgorithm(), size)
                    .orElseGet(() -> rehash(uuid, digest));
            requireRoom(session.projectId(), digest, size);
            verifyAndPlace(uuid, digest, Digest.of(digest.algorithm(), md.digest()), size);
            register(session.projectId(), digest, size, uuid);
            removeQuietly(BlobPaths.uploadDirectory(uuid));
            return digest;
        } catch (RegistryException e) {
            // Wrong bytes, or bytes over quota: the upload ends and leaves nothing behind (the client starts over).
            if (e.code() == OciErrorCode.DIGEST_INVALID || e.code() == OciErrorCode.DENIED) {
                discard(uuid);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            busy.remove(uuid);
        }
    }

    /** How much of the upload has arrived (GET on the session). */
    public UploadStatus status(RepositoryName name, String uuid) {
        sessions.require(name, uuid);
        return new UploadStatus(name, uuid, storedSize(uuid));
    }

    /** Abandons the upload (DELETE on the session): its bytes and its session go. */
    public void cancel(RepositoryName name, String uuid) {
        sessions.require(name, uuid);
        discard(uuid);
    }

    private long write(UploadSession session, ContentRange range, InputStream body, long contentLength) {
        String uuid = session.uuid();
        String path = BlobPaths.upload(uuid);
        try (FileWriter writer = storage.writer(path, true)) {
            long before = writer.size();
            if (range != null) {
                range.requireContinues(before);
                if (contentLength >= 0) {
                    range.requireLength(contentLength);
                }
            }
            // Continue the running digest when this node saw every byte so far; otherwise the PUT re-reads.
            MessageDigest md = before == 0
                    ? UploadHashes.newRunningDigest()
                    : hashes.take(uuid, UploadHashes.RUNNING_ALGORITHM, before).orElse(null);
            long limit = range != null ? range.length() : limit(contentLength);
            long received;
            try {
                received = DigestingCopier.copy(body, writer, md, limit, storeWriters.executor());
                requireAnnounced(received, range != null ? range.length() : contentLength);
            } catch (RuntimeException | IOException e) {
                // A chunk lands whole or not at all. Kept, the part of a refused or broken chunk would move the
                // upload on, and the client's resend of that chunk would meet a 416. cancel() truncates the
                // file back to its size when this writer opened it.
                try {
                    writer.cancel();
                } catch (IOException cancelFailed) {
                    e.addSuppressed(cancelFailed);
                }
                throw e;
            }
            writer.commit();
            long size = before + received;
            if (md != null) {
                hashes.put(uuid, md, size);
            }
            return size;
        } catch (PathNotFoundException e) {
            throw RegistryException.of(OciErrorCode.BLOB_UPLOAD_UNKNOWN, "upload %s has no data", uuid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MessageDigest rehash(String uuid, Digest digest) {
        MessageDigest md = digest.newMessageDigest();
        try (InputStream in = storage.reader(BlobPaths.upload(uuid), 0)) {
            DigestingCopier.hash(in, md);
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses a blob that would not fit in the project's quota before its bytes reach the store, so a refused push
     * leaves no file behind (one that loses a race here is refused when recorded, and its bytes, without a record,
     * are left to garbage collection). A blob the project has already costs nothing and is never refused.
     */
    private void requireRoom(long projectId, Digest digest, long size) {
        try {
            quota.requireRoom(projectId, size);
        } catch (RegistryException refused) {
            if (records.visible(projectId, digest).isEmpty()) {
                throw refused;
            }
        }
    }

    /**
     * Moves verified bytes to their content address; a mismatch is DIGEST_INVALID and moves nothing. The blob is
     * first taken out of garbage collection's reach (or GC is waited for), so the move cannot be undone by a sweep.
     * <p>
     * Bytes already at the address (same digest, same size) stay, and the upload's copy is left for the caller to
     * remove, as distribution does. Renaming over them would change nothing readers see, and on ext4 a rename that
     * replaces a file starts writeback of the new one at once (auto_da_alloc): re-pushes of existing 256 MiB blobs
     * then left a third of two cores idle, waiting on the disk.
     */
    private void verifyAndPlace(String uuid, Digest expected, Digest actual, long size) throws IOException {
        if (!expected.equals(actual)) {
            throw RegistryException.of(OciErrorCode.DIGEST_INVALID,
                    "content digest %s does not match the digest %s given", actual, expected);
        }
        writes.awaitWritable(expected);
        if (!alreadyStored(expected, size)) {
            storage.move(BlobPaths.upload(uuid), BlobPaths.blob(expected));
        }
    }

    private boolean alreadyStored(Digest digest, long size) throws IOException {
        try {
            return storage.stat(BlobPaths.blob(digest)).size() == size;
        } catch (PathNotFoundException e) {
            return false;
        }
    }

    private void register(long projectId, Digest digest, long size, String uploadUuid) {
        try {
            records.register(projectId, digest, size, null, uploadUuid);
        } catch (BlobBeingCollectedException e) {
            // Only with a grace window near zero: a GC run began deleting the blob after it was claimed above.
            throw RegistryException.of(OciErrorCode.BLOB_UPLOAD_INVALID,
                    "garbage collection removed blob %s while it was stored; upload it again", digest);
        }
    }

    private long storedSize(String uuid) {
        try {
            return storage.stat(BlobPaths.upload(uuid)).size();
        } catch (PathNotFoundException e) {
            throw RegistryException.of(OciErrorCode.BLOB_UPLOAD_UNKNOWN, "upload %s has no data", uuid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void claim(String uuid) {
        if (!busy.add(uuid)) {
            throw RegistryException.of(OciErrorCode.BLOB_UPLOAD_INVALID,
                    "another request is writing to upload %s; send chunks one after the other", uuid);
        }
    }

    private void discard(String uuid) {
        hashes.forget(uuid);
        sessions.close(uuid);
        removeQuietly(BlobPaths.uploadDirectory(uuid));
    }

    private void removeQuietly(String path) {
        try {
            storage.delete(path);
        } catch (PathNotFoundException e) {
            // already gone: nothing to clean up
        } catch (IOException e) {
            // Leftovers under uploads/ are purged by the upload purge; the client's answer does not depend on it.
            LOGGER.log(Level.WARNING, "Could not remove {0}: {1}", new Object[] {path, e.getMessage()});
        }
    }

    private static long limit(long contentLength) {
        return contentLength >= 0 ? contentLength : UNBOUNDED;
    }

    private static void requireAnnounced(long received, long announced) {
        if (announced >= 0 && received != announced) {
            throw RegistryException.of(OciErrorCode.SIZE_INVALID,
                    "received %d bytes but %d were announced", received, announced);
        }
    }
}
