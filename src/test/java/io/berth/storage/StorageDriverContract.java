package io.berth.storage;

import io.berth.storage.spi.FileInfo;
import io.berth.storage.spi.FileWriter;
import io.berth.storage.spi.InvalidOffsetException;
import io.berth.storage.spi.PathNotFoundException;
import io.berth.storage.spi.StorageDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link StorageDriver} must show, written once and run against each driver by a
 * subclass. A driver that passes can replace another without the registry noticing.
 */
public abstract class StorageDriverContract {

    private static final int MiB = 1024 * 1024;

    @TempDir
    protected Path tempDir;

    protected StorageDriver driver;

    /** A fresh, empty driver; filesystem-backed drivers keep their data below {@code tempDir}. */
    protected abstract StorageDriver newDriver(Path tempDir);

    @BeforeEach
    void createDriver() {
        driver = newDriver(tempDir);
    }

    // ---- paths ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../b", "..", "/abs", "a//b", "a/", "a\\b", ".", "a/./b", "_tmp/x", "_tmp"})
    void malformedPathsAreRejectedByEveryOperation(String bad) throws IOException {
        driver.putContent("good/object", bytes("ok"));
        assertAll(
                rejects(() -> driver.stat(bad)),
                rejects(() -> driver.getContent(bad)),
                rejects(() -> driver.putContent(bad, bytes("x"))),
                rejects(() -> driver.reader(bad, 0)),
                rejects(() -> driver.writer(bad, false)),
                rejects(() -> driver.writer(bad, true)),
                rejects(() -> driver.move("good/object", bad)),
                rejects(() -> driver.move(bad, "good/other")),
                rejects(() -> driver.delete(bad)),
                rejects(() -> driver.list(bad)),
                rejects(() -> driver.walk(bad, info -> { })),
                rejects(() -> driver.copyTo(bad, 0, 0, OutputStream.nullOutputStream())));
        assertEquals("ok", text("good/object"), "a rejected call must not touch valid objects");
    }

    @Test
    void aLocalFileHoldsTheObjectsBytesWhereTheDriverOffersOne() throws IOException {
        driver.putContent("blobs/x/data", bytes("hello"));
        Optional<Path> file = driver.localFile("blobs/x/data");
        if (file.isPresent()) {
            assertEquals("hello", Files.readString(file.get()));
            assertThrows(PathNotFoundException.class, () -> driver.localFile("blobs/missing/data"));
            assertThrows(PathNotFoundException.class, () -> driver.localFile("blobs/x"), "a directory is no object");
        }
    }

    @Test
    void rootIsAcceptedOnlyWhereItMakesSense() throws IOException {
        assertTrue(driver.stat("").directory());
        assertEquals(List.of(), driver.list(""));
        assertDoesNotThrow(() -> driver.walk("", info -> { }));
        assertAll(
                rejects(() -> driver.getContent("")),
                rejects(() -> driver.putContent("", bytes("x"))),
                rejects(() -> driver.writer("", false)),
                rejects(() -> driver.delete("")),
                rejects(() -> driver.reader("", 0)),
                rejects(() -> driver.copyTo("", 0, 0, OutputStream.nullOutputStream())));
    }

    @Test
    void pathsMayContainDotsDashesAndColonsInsideComponents() throws IOException {
        String path = "repositories/library/my-app/_manifests/tags/v1.2.3/sha256:ab..cd";
        driver.putContent(path, bytes("link"));
        assertEquals("link", text(path));
    }

    // ---- name and health -----------------------------------------------------------------------

    @Test
    void freshDriverIsHealthyAndNamed() {
        assertTrue(driver.isHealthy());
        assertTrue(driver.name().matches("[a-z]+"), driver.name());
    }

    // ---- stat ----------------------------------------------------------------------------------

    @Test
    void statDescribesObjectsAndDirectories() throws IOException {
        Instant before = Instant.now().minus(Duration.ofSeconds(2));
        driver.putContent("blobs/sha256/ab/abcd/data", bytes("0123456789"));
        Instant after = Instant.now().plus(Duration.ofSeconds(2));

        FileInfo object = driver.stat("blobs/sha256/ab/abcd/data");
        assertEquals(new FileInfo("blobs/sha256/ab/abcd/data", 10, object.modified(), false), object);
        assertTrue(object.modified().isAfter(before) && object.modified().isBefore(after), object.modified().toString());

        FileInfo directory = driver.stat("blobs/sha256");
        assertEquals("blobs/sha256", directory.path());
        assertTrue(directory.directory());
        assertEquals(0, directory.size());
    }

    @Test
    void statOfMissingPathNamesThePath() {
        PathNotFoundException e = assertThrows(PathNotFoundException.class, () -> driver.stat("no/such/thing"));
        assertTrue(e.getMessage().contains("no/such/thing"), e.getMessage());
        assertEquals("no/such/thing", e.path());
    }

    @Test
    void statBelowAnObjectIsNotFound() throws IOException {
        driver.putContent("a", bytes("x"));
        assertThrows(PathNotFoundException.class, () -> driver.stat("a/b"));
    }

    // ---- getContent / putContent ---------------------------------------------------------------

    @Test
    void putContentRoundTripsIncludingEmptyAndBinary() throws IOException {
        byte[] binary = randomBytes(70_000, 1);
        driver.putContent("a/binary", binary);
        driver.putContent("a/empty", new byte[0]);
        assertArrayEquals(binary, driver.getContent("a/binary"));
        assertArrayEquals(new byte[0], driver.getContent("a/empty"));
        assertEquals(0, driver.stat("a/empty").size());
    }

    @Test
    void putContentReplacesPreviousContent() throws IOException {
        driver.putContent("m", bytes("a longer first version"));
        driver.putContent("m", bytes("short"));
        assertEquals("short", text("m"));
        assertEquals(5, driver.stat("m").size());
    }

    @Test
    void putContentDoesNotKeepTheCallersArray() throws IOException {
        byte[] content = bytes("original");
        driver.putContent("m", content);
        content[0] = 'X';
        assertEquals("original", text("m"));
    }

    @Test
    void getContentOfMissingObjectOrDirectoryIsNotFound() throws IOException {
        driver.putContent("dir/file", bytes("x"));
        assertThrows(PathNotFoundException.class, () -> driver.getContent("dir/missing"));
        assertThrows(PathNotFoundException.class, () -> driver.getContent("dir"));
    }

    @Test
    void objectsCannotBeNestedUnderObjectsOrReplaceDirectories() throws IOException {
        driver.putContent("a", bytes("object"));
        driver.putContent("d/child", bytes("child"));
        assertThrows(IOException.class, () -> driver.putContent("a/b", bytes("x")));
        assertThrows(IOException.class, () -> driver.writer("a/b", false));
        assertThrows(IOException.class, () -> driver.putContent("d", bytes("x")));
        assertEquals("object", text("a"));
        assertEquals("child", text("d/child"));
    }

    @Test
    void concurrentReadersNeverSeePartialPutContent() throws Exception {
        byte[] small = filled('a', 64 * 1024);
        byte[] large = filled('b', 192 * 1024);
        driver.putContent("manifest", small);
        AtomicBoolean writing = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    do {
                        byte[] seen = driver.getContent("manifest");
                        assertTrue(Arrays.equals(seen, small) || Arrays.equals(seen, large),
                                "reader saw a torn object of " + seen.length + " bytes");
                        reads++;
                    } while (writing.get());
                    return reads;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        driver.putContent("manifest", i % 2 == 0 ? large : small);
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            writer.get();
            for (Future<Integer> reader : readers) {
                assertTrue(reader.get() > 0);
            }
        }
    }

    // ---- reader --------------------------------------------------------------------------------

    @Test
    void readerStartsAtTheOffset() throws IOException {
        driver.putContent("f", bytes("0123456789"));
        assertEquals("0123456789", read(driver.reader("f", 0)));
        assertEquals("789", read(driver.reader("f", 7)));
        assertEquals("", read(driver.reader("f", 10)));
    }

    @Test
    void readerAcrossManyChunksFromAnOddOffset() throws IOException {
        byte[] content = randomBytes(3 * MiB + 17, 2);
        driver.putContent("big", content);
        int offset = MiB + 12345;
        try (InputStream in = driver.reader("big", offset)) {
            assertArrayEquals(Arrays.copyOfRange(content, offset, content.length), in.readAllBytes());
        }
    }

    @Test
    void readerRejectsOffsetsOutsideTheObject() throws IOException {
        driver.putContent("f", bytes("0123456789"));
        InvalidOffsetException past = assertThrows(InvalidOffsetException.class, () -> driver.reader("f", 11));
        assertTrue(past.getMessage().contains("f"), past.getMessage());
        assertThrows(InvalidOffsetException.class, () -> driver.reader("f", -1));
    }

    @Test
    void readerOfMissingObjectOrDirectoryIsNotFound() throws IOException {
        driver.putContent("d/f", bytes("x"));
        assertThrows(PathNotFoundException.class, () -> driver.reader("d/missing", 0));
        assertThrows(PathNotFoundException.class, () -> driver.reader("d/missing", -1));
        assertThrows(PathNotFoundException.class, () -> driver.reader("d", 0));
    }

    // ---- writer --------------------------------------------------------------------------------

    @Test
    void committedWriterContentIsVisible() throws IOException {
        try (FileWriter writer = driver.writer("uploads/u1/data", false)) {
            writer.write(bytes("hello "), 0, 6);
            assertEquals(4, writer.write(ByteBuffer.wrap(bytes("world"), 0, 4)));
            assertEquals(10, writer.size());
            writer.commit();
            assertEquals(10, writer.size());
            assertFalse(writer.isOpen());
        }
        assertEquals("hello worl", text("uploads/u1/data"));
        assertEquals(10, driver.stat("uploads/u1/data").size());
    }

    @Test
    void writerAcceptsDirectAndReadOnlyBuffers() throws IOException {
        ByteBuffer direct = ByteBuffer.allocateDirect(300_000);
        byte[] content = randomBytes(300_000, 3);
        direct.put(content).flip();
        try (FileWriter writer = driver.writer("f", false)) {
            assertEquals(300_000, writer.write(direct));
            assertEquals(2, writer.write(ByteBuffer.wrap(bytes("!?")).asReadOnlyBuffer()));
            assertFalse(direct.hasRemaining());
            writer.commit();
        }
        byte[] stored = driver.getContent("f");
        assertArrayEquals(content, Arrays.copyOf(stored, 300_000));
        assertEquals("!?", new String(stored, 300_000, 2, StandardCharsets.UTF_8));
    }

    @Test
    void nonAppendingWriterTruncates() throws IOException {
        driver.putContent("f", bytes("previous content"));
        try (FileWriter writer = driver.writer("f", false)) {
            assertEquals(0, writer.size());
            writer.write(bytes("new"), 0, 3);
            writer.commit();
        }
        assertEquals("new", text("f"));
    }

    @Test
    void appendContinuesAcrossTwoWritersLikeAChunkedUpload() throws IOException {
        try (FileWriter first = driver.writer("uploads/u/data", true)) {
            first.write(bytes("chunk-1;"), 0, 8);
        } // closed, not committed: a PATCH request ended, the upload goes on
        assertEquals("chunk-1;", text("uploads/u/data"));
        try (FileWriter second = driver.writer("uploads/u/data", true)) {
            assertEquals(8, second.size());
            second.write(bytes("chunk-2"), 0, 7);
            assertEquals(15, second.size());
            second.commit();
        }
        assertEquals("chunk-1;chunk-2", text("uploads/u/data"));
        assertEquals(15, driver.stat("uploads/u/data").size());
    }

    @Test
    void appendingToAMissingObjectCreatesIt() throws IOException {
        try (FileWriter writer = driver.writer("new/object", true)) {
            assertEquals(0, writer.size());
            writer.write(bytes("abc"), 0, 3);
            writer.commit();
        }
        assertEquals("abc", text("new/object"));
    }

    @Test
    void writerDoesNotKeepTheCallersArray() throws IOException {
        byte[] piece = bytes("aaaa");
        try (FileWriter writer = driver.writer("f", false)) {
            writer.write(piece, 0, 4);
            Arrays.fill(piece, (byte) 'b');
            writer.write(piece, 0, 4);
            writer.commit();
        }
        assertEquals("aaaabbbb", text("f"));
    }

    @Test
    void cancelDeletesANewObject() throws IOException {
        FileWriter writer = driver.writer("uploads/u/data", false);
        writer.write(bytes("partial"), 0, 7);
        writer.cancel();
        assertFalse(writer.isOpen());
        assertThrows(PathNotFoundException.class, () -> driver.stat("uploads/u/data"));
    }

    @Test
    void cancelOfAnAppendingWriterRestoresThePreviousContent() throws IOException {
        driver.putContent("uploads/u/data", bytes("kept;"));
        FileWriter writer = driver.writer("uploads/u/data", true);
        writer.write(bytes("failed chunk"), 0, 12);
        writer.cancel();
        assertEquals("kept;", text("uploads/u/data"));
    }

    @Test
    void cancelAfterCommitIsAHarmlessNoOpAndMayBeRepeated() throws IOException {
        FileWriter writer = driver.writer("f", false);
        writer.write(bytes("durable"), 0, 7);
        writer.commit();
        writer.cancel();
        writer.cancel();
        writer.close();
        assertEquals("durable", text("f"));
    }

    @Test
    void cancelAfterCloseKeepsTheContentAndRepeatedCancelIsHarmless() throws IOException {
        FileWriter writer = driver.writer("f", false);
        writer.write(bytes("kept"), 0, 4);
        writer.close();
        writer.cancel();
        assertEquals("kept", text("f"));

        FileWriter cancelled = driver.writer("g", false);
        cancelled.cancel();
        cancelled.cancel();
        cancelled.close();
        assertThrows(PathNotFoundException.class, () -> driver.stat("g"));
    }

    @Test
    void finishedWritersRefuseFurtherWrites() throws IOException {
        FileWriter committed = driver.writer("a", false);
        committed.commit();
        committed.commit();
        assertThrows(ClosedChannelException.class, () -> committed.write(bytes("x"), 0, 1));
        assertThrows(ClosedChannelException.class, () -> committed.write(ByteBuffer.wrap(bytes("x"))));

        FileWriter cancelled = driver.writer("b", false);
        cancelled.cancel();
        assertThrows(IOException.class, cancelled::commit);

        FileWriter closed = driver.writer("c", false);
        closed.close();
        assertThrows(IOException.class, closed::commit);
        assertThrows(ClosedChannelException.class, () -> closed.write(bytes("x"), 0, 1));
        assertEquals(0, driver.stat("a").size());
    }

    @Test
    void writerRejectsBadArrayBounds() throws IOException {
        try (FileWriter writer = driver.writer("f", false)) {
            assertThrows(IndexOutOfBoundsException.class, () -> writer.write(new byte[4], 2, 3));
            assertThrows(IndexOutOfBoundsException.class, () -> writer.write(new byte[4], -1, 1));
            assertEquals(0, writer.size());
        }
    }

    @Test
    void largeWriteStreamedInPiecesReadsBackIdentically() throws Exception {
        int pieces = 64;
        byte[] piece = randomBytes(MiB, 4);
        MessageDigest written = sha256();
        try (FileWriter writer = driver.writer("uploads/big/data", false)) {
            for (int i = 0; i < pieces; i++) {
                ByteBuffer.wrap(piece).putInt(i); // every piece differs, so reordering would show
                writer.write(piece, 0, piece.length);
                written.update(piece);
            }
            assertEquals((long) pieces * MiB, writer.size());
            writer.commit();
        }
        assertEquals((long) pieces * MiB, driver.stat("uploads/big/data").size());

        MessageDigest read = sha256();
        byte[] buffer = new byte[100_000];
        try (InputStream in = driver.reader("uploads/big/data", 0)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                read.update(buffer, 0, n);
            }
        }
        assertArrayEquals(written.digest(), read.digest());
    }

    // ---- move ----------------------------------------------------------------------------------

    @Test
    void moveRenamesIntoNewDirectories() throws IOException {
        driver.putContent("uploads/u/data", bytes("blob"));
        driver.move("uploads/u/data", "blobs/sha256/ab/abcd/data");
        assertEquals("blob", text("blobs/sha256/ab/abcd/data"));
        assertThrows(PathNotFoundException.class, () -> driver.stat("uploads/u/data"));
    }

    @Test
    void moveReplacesAnExistingDestination() throws IOException {
        driver.putContent("src", bytes("new"));
        driver.putContent("dst", bytes("old and longer"));
        driver.move("src", "dst");
        assertEquals("new", text("dst"));
        assertEquals(3, driver.stat("dst").size());
    }

    @Test
    void moveOfMissingSourceOrDirectoryIsNotFound() throws IOException {
        driver.putContent("dir/f", bytes("x"));
        PathNotFoundException e = assertThrows(PathNotFoundException.class, () -> driver.move("missing", "dst"));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertThrows(PathNotFoundException.class, () -> driver.move("dir", "elsewhere"));
        assertEquals("x", text("dir/f"));
    }

    @Test
    void concurrentMovesOfIdenticalBlobsToOneDestinationAllSucceed() throws Exception {
        int threads = 8;
        byte[] blob = randomBytes(100_000, 5);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int round = 0; round < 10; round++) {
                String dest = "blobs/sha256/cd/cdef" + round + "/data";
                for (int t = 0; t < threads; t++) {
                    driver.putContent("uploads/" + round + "-" + t + "/data", blob);
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> moves = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String source = "uploads/" + round + "-" + t + "/data";
                    moves.add(pool.submit(() -> {
                        start.await();
                        driver.move(source, dest);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> move : moves) {
                    move.get(); // rethrows any failed move
                }
                assertArrayEquals(blob, driver.getContent(dest));
                for (int t = 0; t < threads; t++) {
                    String source = "uploads/" + round + "-" + t + "/data";
                    assertThrows(PathNotFoundException.class, () -> driver.stat(source));
                }
            }
        }
    }

    // ---- delete --------------------------------------------------------------------------------

    @Test
    void deleteRemovesAnObject() throws IOException {
        driver.putContent("d/a", bytes("a"));
        driver.putContent("d/b", bytes("b"));
        driver.delete("d/a");
        assertThrows(PathNotFoundException.class, () -> driver.stat("d/a"));
        assertEquals(List.of("d/b"), driver.list("d"));
    }

    @Test
    void deleteRemovesAWholeSubtreeButNotSiblingsSharingAPrefix() throws IOException {
        driver.putContent("repos/app/x", bytes("1"));
        driver.putContent("repos/app/deep/er/y", bytes("2"));
        driver.putContent("repos/app-2/z", bytes("3"));
        driver.putContent("repos/app.old", bytes("4"));
        driver.delete("repos/app");
        assertThrows(PathNotFoundException.class, () -> driver.stat("repos/app"));
        assertThrows(PathNotFoundException.class, () -> driver.stat("repos/app/deep/er/y"));
        assertEquals(List.of("repos/app-2", "repos/app.old"), driver.list("repos"));
        assertEquals("3", text("repos/app-2/z"));
    }

    @Test
    void deleteOfMissingPathIsNotFound() {
        PathNotFoundException e = assertThrows(PathNotFoundException.class, () -> driver.delete("gone"));
        assertTrue(e.getMessage().contains("gone"), e.getMessage());
    }

    // ---- list ----------------------------------------------------------------------------------

    @Test
    void listReturnsSortedFullPathsOfDirectChildrenOnly() throws IOException {
        for (String path : List.of("r/b/deep/x", "r/b.x", "r/a", "r/c/y", "r/b/z", "r/B", "rr/other")) {
            driver.putContent(path, bytes(path));
        }
        assertEquals(List.of("r/B", "r/a", "r/b", "r/b.x", "r/c"), driver.list("r"));
        assertEquals(List.of("r/b/deep", "r/b/z"), driver.list("r/b"));
    }

    @Test
    void listOfRootShowsOnlyTopLevelEntriesAndNoScratchSpace() throws IOException {
        driver.putContent("uploads/u/data", bytes("x"));
        driver.putContent("uploads/v/data", bytes("x"));
        driver.putContent("blobs/sha256/ab/data", bytes("y"));
        driver.move("uploads/u/data", "blobs/sha256/cd/data");
        driver.putContent("trash/a/b", bytes("z"));
        driver.delete("trash");
        assertEquals(List.of("blobs", "uploads"), driver.list(""));
    }

    @Test
    void listOfMissingPathOrObjectIsNotFound() throws IOException {
        driver.putContent("d/f", bytes("x"));
        PathNotFoundException e = assertThrows(PathNotFoundException.class, () -> driver.list("nope"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertThrows(PathNotFoundException.class, () -> driver.list("d/f"));
    }

    // ---- walk ----------------------------------------------------------------------------------

    @Test
    void walkVisitsEveryObjectBelowThePathWithItsSize() throws IOException {
        driver.putContent("blobs/sha256/ab/abc1/data", bytes("1"));
        driver.putContent("blobs/sha256/ab/abc2/data", bytes("22"));
        driver.putContent("blobs/sha256/cd/cde3/data", bytes("333"));
        driver.putContent("blobs-other/x", bytes("4444"));
        driver.putContent("uploads/u/data", bytes("55555"));

        List<FileInfo> seen = new ArrayList<>();
        driver.walk("blobs", seen::add);
        seen.sort((a, b) -> a.path().compareTo(b.path()));

        assertEquals(List.of("blobs/sha256/ab/abc1/data", "blobs/sha256/ab/abc2/data", "blobs/sha256/cd/cde3/data"),
                seen.stream().map(FileInfo::path).toList());
        assertEquals(List.of(1L, 2L, 3L), seen.stream().map(FileInfo::size).toList());
        assertTrue(seen.stream().noneMatch(FileInfo::directory));
    }

    @Test
    void walkOfRootSeesAllObjectsButNoScratchFiles() throws IOException {
        driver.putContent("a/b", bytes("1"));
        driver.putContent("c", bytes("2"));
        driver.putContent("gone/x", bytes("3"));
        driver.delete("gone");
        try (FileWriter open = driver.writer("uploads/u/data", false)) {
            open.write(bytes("4"), 0, 1);
            open.commit();
        }
        List<String> seen = new ArrayList<>();
        driver.walk("", info -> seen.add(info.path()));
        seen.sort(null);
        assertEquals(List.of("a/b", "c", "uploads/u/data"), seen);
    }

    @Test
    void walkOfAnObjectVisitsJustThatObject() throws IOException {
        driver.putContent("a/b", bytes("12"));
        List<FileInfo> seen = new ArrayList<>();
        driver.walk("a/b", seen::add);
        assertEquals(1, seen.size());
        assertEquals("a/b", seen.getFirst().path());
        assertEquals(2, seen.getFirst().size());
    }

    @Test
    void walkOfMissingPathIsNotFound() {
        assertThrows(PathNotFoundException.class, () -> driver.walk("nothing", info -> { }));
    }

    // ---- copyTo --------------------------------------------------------------------------------

    @Test
    void copyToCopiesExactlyTheRequestedRange() throws IOException {
        byte[] content = randomBytes(700_001, 6); // spans several copy buffers
        driver.putContent("blob", content);
        assertRangeCopied(content, 0, content.length);
        assertRangeCopied(content, 1, 300_000);
        assertRangeCopied(content, 262_143, 262_146);
        assertRangeCopied(content, 699_999, 2);
        assertRangeCopied(content, content.length, 0);
        assertRangeCopied(content, 12, 0);
    }

    @Test
    void copyToRejectsRangesOutsideTheObject() throws IOException {
        driver.putContent("blob", bytes("0123456789"));
        OutputStream sink = OutputStream.nullOutputStream();
        assertAll(
                () -> assertThrows(InvalidOffsetException.class, () -> driver.copyTo("blob", -1, 1, sink)),
                () -> assertThrows(InvalidOffsetException.class, () -> driver.copyTo("blob", 0, -1, sink)),
                () -> assertThrows(InvalidOffsetException.class, () -> driver.copyTo("blob", 0, 11, sink)),
                () -> assertThrows(InvalidOffsetException.class, () -> driver.copyTo("blob", 9, 2, sink)),
                () -> assertThrows(InvalidOffsetException.class, () -> driver.copyTo("blob", 11, 0, sink)),
                () -> assertThrows(InvalidOffsetException.class, () -> driver.copyTo("blob", 5, Long.MAX_VALUE, sink)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(InvalidOffsetException.class, () -> driver.copyTo("blob", 8, 3, out));
        assertEquals(0, out.size(), "nothing may be written for a rejected range");
    }

    @Test
    void copyToOfMissingObjectOrDirectoryIsNotFound() throws IOException {
        driver.putContent("d/f", bytes("x"));
        OutputStream sink = OutputStream.nullOutputStream();
        assertThrows(PathNotFoundException.class, () -> driver.copyTo("d/missing", 0, 0, sink));
        assertThrows(PathNotFoundException.class, () -> driver.copyTo("d/missing", -1, 5, sink));
        assertThrows(PathNotFoundException.class, () -> driver.copyTo("d", 0, 0, sink));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void assertRangeCopied(byte[] content, int offset, int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(length, driver.copyTo("blob", offset, length, out));
        assertArrayEquals(Arrays.copyOfRange(content, offset, offset + length), out.toByteArray(),
                "range " + offset + "+" + length);
    }

    private static Executable rejects(Executable call) {
        return () -> assertThrows(IllegalArgumentException.class, call);
    }

    protected String text(String path) throws IOException {
        return new String(driver.getContent(path), StandardCharsets.UTF_8);
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] filled(char c, int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) c);
        return b;
    }

    protected static byte[] randomBytes(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }
}
