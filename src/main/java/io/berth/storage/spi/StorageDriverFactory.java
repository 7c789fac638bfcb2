package io.berth.storage.spi;

import io.berth.storage.filesystem.FilesystemDriver;
import io.berth.storage.inmemory.InMemoryDriver;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns the configured driver name into a driver, so configuration code needs no knowledge of the
 * implementations. Kept as a plain switch rather than a {@link java.util.ServiceLoader}: there are two
 * drivers and the WAR ships both.
 */
public final class StorageDriverFactory {

    private StorageDriverFactory() {
    }

    /**
     * Creates the driver called {@code name} (case-insensitive, surrounding blanks ignored).
     * {@code "filesystem"} stores below {@code dataDirectory/registry}, creating it;
     * {@code "inmemory"} ignores {@code dataDirectory} and keeps everything on the heap.
     *
     * @throws IllegalArgumentException naming the valid choices if {@code name} is unknown
     * @throws java.io.UncheckedIOException if the filesystem root cannot be created
     */
    public static StorageDriver create(String name, Path dataDirectory) {
        String normalized = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case FilesystemDriver.NAME -> new FilesystemDriver(
                    Objects.requireNonNull(dataDirectory, "dataDirectory").resolve("registry"));
            case InMemoryDriver.NAME -> new InMemoryDriver();
            default -> throw new IllegalArgumentException("unknown storage driver '" + name
                    + "'; valid choices: " + FilesystemDriver.NAME + ", " + InMemoryDriver.NAME);
        };
    }
}
