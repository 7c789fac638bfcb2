package io.berth.storage;

import io.berth.storage.filesystem.FilesystemDriver;
import io.berth.storage.spi.FileWriter;
import io.berth.storage.spi.StorageDriver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the storage contract against the disk-backed driver, plus what only a disk can show. */
class FilesystemDriverTest extends StorageDriverContract {

    private Path root;

    @Override
    protected StorageDriver newDriver(Path tempDir) {
        root = tempDir.resolve("registry");
        return new FilesystemDriver(root);
    }

    @Test
    void objectsArePlainFilesUnderTheRoot() throws IOException {
        driver.putContent("blobs/sha256/ab/abcd/data", bytes("layer"));
        assertArrayEquals(bytes("layer"), Files.readAllBytes(root.resolve("blobs/sha256/ab/abcd/data")));
    }

    @Test
    void offersItsObjectsAsLocalFilesForZeroCopyPulls() throws IOException {
        driver.putContent("blobs/sha256/ab/abcd/data", bytes("layer"));
        assertEquals(root.resolve("blobs/sha256/ab/abcd/data"), driver.localFile("blobs/sha256/ab/abcd/data").orElseThrow());
    }

    @Test
    void writtenBytesReachTheDiskBeforeCommit() throws IOException {
        byte[] piece = randomBytes(1024 * 1024, 7);
        try (FileWriter writer = driver.writer("uploads/u/data", false)) {
            writer.write(piece, 0, piece.length);
            writer.write(piece, 0, piece.length);
            // Nothing is held back in memory: a multi-GiB upload only ever costs one caller buffer.
            assertEquals(2L * piece.length, Files.size(root.resolve("uploads/u/data")));
            writer.commit();
        }
    }

    @Test
    void scratchSpaceIsLeftEmpty() throws IOException {
        driver.putContent("a/b", bytes("x"));
        driver.putContent("a/b", bytes("y"));
        driver.move("a/b", "c/d");
        driver.putContent("tree/x/y", bytes("z"));
        driver.delete("tree");
        FileWriter cancelled = driver.writer("u/data", false);
        cancelled.write(bytes("partial"), 0, 7);
        cancelled.cancel();
        try (Stream<Path> leftovers = Files.list(root.resolve("_tmp"))) {
            assertEquals(List.of(), leftovers.toList());
        }
    }

    @Test
    void unhealthyOnceTheRootIsGone() throws IOException {
        driver.putContent("a/b", bytes("x"));
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertFalse(driver.isHealthy());
    }

    @Test
    void symlinkedRootIsFollowed() throws IOException {
        Path real = Files.createDirectories(tempDir.resolve("real-root"));
        Path link = Files.createSymbolicLink(tempDir.resolve("linked-root"), real);
        StorageDriver linked = new FilesystemDriver(link);
        linked.putContent("a/b", bytes("x"));
        List<String> seen = new java.util.ArrayList<>();
        linked.walk("", info -> seen.add(info.path()));
        assertEquals(List.of("a/b"), seen);
        assertTrue(Files.exists(real.resolve("a/b")));
    }
}
