package io.berth.registry.control;

import io.berth.registry.entity.Digest;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The gate before bytes are written to a content address that garbage collection may be working on. A blob in
 * DELETING is being removed right now (its bytes, then its row, in well under a second per batch): writing the
 * same bytes meanwhile could be undone, so the writer waits until GC is done, then writes a fresh blob.
 */
@ApplicationScoped
public class BlobWrites {

    static final long WAIT_MILLIS = 30_000;
    static final long POLL_MILLIS = 50;

    @Inject
    BlobRecords records;

    /**
     * Returns once the bytes of {@code digest} may be written: the blob is new, or its row is back in NONE with a
     * fresh grace window. {@code BLOB_UPLOAD_INVALID} if GC holds on to it for longer than half a minute.
     */
    public void awaitWritable(Digest digest) {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (records.claimForWrite(digest) == BlobRecords.WriteClaim.BEING_COLLECTED) {
            if (System.nanoTime() > deadline) {
                throw RegistryException.of(OciErrorCode.BLOB_UPLOAD_INVALID,
                        "garbage collection is removing blob %s; upload it again in a moment", digest);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for garbage collection", e);
            }
        }
    }
}
