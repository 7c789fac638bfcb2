package io.berth.storage.spi;

import java.io.Serial;

/**
 * Nothing of the requested kind exists at a path: no entry at all, or a directory where an object
 * was required (or the reverse). The registry maps it to "blob unknown" or "manifest unknown".
 */
public class PathNotFoundException extends StorageException {

    @Serial
    private static final long serialVersionUID = 1L;

    public PathNotFoundException(String path) {
        super(path, "path not found");
    }

    public PathNotFoundException(String path, Throwable cause) {
        super(path, "path not found", cause);
    }
}
