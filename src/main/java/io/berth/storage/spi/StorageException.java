package io.berth.storage.spi;

import java.io.IOException;
import java.io.Serial;

/**
 * Base of the failures a {@link StorageDriver} reports in its own terms, as opposed to raw I/O
 * errors it passes through. The storage path is always part of the message and available via
 * {@link #path()}, because a failure without the path is useless in a registry log.
 */
public class StorageException extends IOException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String path;

    public StorageException(String path, String message) {
        this(path, message, null);
    }

    public StorageException(String path, String message, Throwable cause) {
        super(message + ": " + path, cause);
        this.path = path;
    }

    /** The storage path the failure is about. */
    public String path() {
        return path;
    }
}
