package io.berth.quota.entity;

/**
 * A project's hard storage limit in bytes, or {@link #UNLIMITED}. Harbor's rule for a valid limit: a positive
 * number of bytes or -1; zero and other negatives are refused.
 */
public record StorageLimit(long bytes) {

    /** No limit: Harbor's {@code -1}, also the default of {@code storage_per_project}. */
    public static final long UNLIMITED = -1;

    public StorageLimit {
        if (bytes <= 0 && bytes != UNLIMITED) {
            throw new IllegalArgumentException("invalid value for resource storage: " + bytes
                    + " (a positive number of bytes, or -1 for no limit)");
        }
    }

    public static StorageLimit unlimited() {
        return new StorageLimit(UNLIMITED);
    }

    public boolean isUnlimited() {
        return bytes == UNLIMITED;
    }

    /** Whether {@code adding} more bytes fit next to {@code used}. */
    public boolean fits(long used, long adding) {
        return isUnlimited() || used + adding <= bytes;
    }
}
