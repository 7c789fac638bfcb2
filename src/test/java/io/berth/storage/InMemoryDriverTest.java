package io.berth.storage;

import io.berth.storage.inmemory.InMemoryDriver;
import io.berth.storage.spi.StorageDriver;

import java.nio.file.Path;

/** Runs the storage contract against the heap-only driver. */
class InMemoryDriverTest extends StorageDriverContract {

    @Override
    protected StorageDriver newDriver(Path tempDir) {
        return new InMemoryDriver();
    }
}
