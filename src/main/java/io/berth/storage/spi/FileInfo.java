package io.berth.storage.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link StorageDriver#stat} and {@link StorageDriver#walk} report about one entry.
 *
 * @param path      the storage path as the caller would pass it ({@code ""} for the root)
 * @param size      object size in bytes; 0 for directories
 * @param modified  last modification time
 * @param directory whether the entry is a directory rather than an object
 */
public record FileInfo(String path, long size, Instant modified, boolean directory) {

    public FileInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(modified, "modified");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + path);
        }
    }
}
