package io.berth.registry.control;

import io.berth.registry.entity.Digest;

/**
 * A write found the blob in garbage collection's hands (DELETING): bytes it just placed may be deleted, so it
 * must not link to the blob. The caller waits for GC to finish with it and writes again, or tells the client to.
 */
public class BlobBeingCollectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BlobBeingCollectedException(Digest digest) {
        super("blob " + digest + " is being removed by garbage collection", null, false, false);
    }
}
