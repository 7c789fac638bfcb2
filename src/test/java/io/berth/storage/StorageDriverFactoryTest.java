package io.berth.storage;

import io.berth.storage.filesystem.FilesystemDriver;
import io.berth.storage.inmemory.InMemoryDriver;
import io.berth.storage.spi.StorageDriver;
import io.berth.storage.spi.StorageDriverFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageDriverFactoryTest {

    @TempDir
    Path dataDirectory;

    @Test
    void filesystemDriverStoresBelowTheRegistryDirectory() throws IOException {
        StorageDriver driver = StorageDriverFactory.create("filesystem", dataDirectory);
        assertInstanceOf(FilesystemDriver.class, driver);
        assertEquals("filesystem", driver.name());
        assertTrue(Files.isDirectory(dataDirectory.resolve("registry")));
        driver.putContent("x/y", "z".getBytes(StandardCharsets.UTF_8));
        assertEquals("z", Files.readString(dataDirectory.resolve("registry/x/y")));
    }

    @Test
    void inMemoryDriverByNameToleratingCaseAndBlanks() {
        StorageDriver driver = StorageDriverFactory.create(" InMemory ", null);
        assertInstanceOf(InMemoryDriver.class, driver);
        assertEquals("inmemory", driver.name());
    }

    @Test
    void unknownNameListsTheValidChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StorageDriverFactory.create("s3", dataDirectory));
        assertTrue(e.getMessage().contains("s3") && e.getMessage().contains("filesystem")
                && e.getMessage().contains("inmemory"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StorageDriverFactory.create(null, dataDirectory));
    }
}
