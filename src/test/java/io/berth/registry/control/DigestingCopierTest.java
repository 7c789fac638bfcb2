package io.berth.registry.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import io.berth.storage.inmemory.InMemoryDriver;
import io.berth.storage.spi.FileWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DigestingCopierTest {

    private final ExecutorService writers = Executors.newCachedThreadPool();
    private final InMemoryDriver store = new InMemoryDriver();

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Test
    void aBodyOfManyBuffersIsStoredByteExactAndHashedOnce() throws Exception {
        byte[] body = random(5 * DigestingCopier.BUFFER_SIZE + 12_345);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        long copied;
        try (FileWriter writer = store.writer("blob", false)) {
            copied = DigestingCopier.copy(new ByteArrayInputStream(body), writer, md, Long.MAX_VALUE, writers);
            writer.commit();
        }
        assertEquals(body.length, copied);
        assertArrayEquals(body, store.getContent("blob"));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(body), md.digest());
    }

    @Test
    void smallBodiesAndBusyWritersAreStoredInline() throws Exception {
        Thread caller = Thread.currentThread();
        for (int size : new int[] {0, 100, 3 * DigestingCopier.BUFFER_SIZE}) {
            byte[] body = random(size);
            AtomicBoolean foreignWrite = new AtomicBoolean();
            try (FileWriter writer = new Recording(store.writer("blob", false), () -> foreignWrite.set(Thread.currentThread() != caller))) {
                DigestingCopier.copy(new ByteArrayInputStream(body), writer, null, Long.MAX_VALUE,
                        task -> { throw new RejectedExecutionException("busy"); });
                writer.commit();
            }
            assertArrayEquals(body, store.getContent("blob"));
            assertFalse(foreignWrite.get(), "stored on the request thread when no writer thread is free");
        }
    }

    @Test
    void aBodyLongerThanAnnouncedIsRefusedAndTheWriterIsReleased() throws Exception {
        byte[] body = random(4 * DigestingCopier.BUFFER_SIZE);
        FileWriter writer = store.writer("blob", false);
        RegistryException refused = assertThrows(RegistryException.class, () ->
                DigestingCopier.copy(new ByteArrayInputStream(body), writer, null, 2L * DigestingCopier.BUFFER_SIZE + 1, writers));
        assertEquals(OciErrorCode.SIZE_INVALID, refused.code());
        long sizeAfterReturn = writer.size();
        writer.cancel();
        assertTrue(sizeAfterReturn <= 2L * DigestingCopier.BUFFER_SIZE + 1, "nothing past the limit was stored");
    }

    @Test
    void aFailingStoreFailsTheCopy() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        FileWriter writer = new Recording(store.writer("blob", false), () -> {
            if (writes.incrementAndGet() == 3) {
                throw new IOException("disk full");
            }
        });
        byte[] body = random(20 * DigestingCopier.BUFFER_SIZE);
        IOException failed = assertThrows(IOException.class, () ->
                DigestingCopier.copy(new ByteArrayInputStream(body), writer, null, Long.MAX_VALUE, writers));
        assertTrue(failed.getMessage().contains("disk full"), failed.getMessage());
        assertEquals(3, writes.get(), "no write after the failed one");
        writer.cancel();
    }

    @Test
    void aClientThatBreaksOffFailsTheCopyAfterTheStoreLetsGo() throws Exception {
        InputStream breaksOff = new SequenceInputStream(new ByteArrayInputStream(random(3 * DigestingCopier.BUFFER_SIZE)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                });
        AtomicInteger writes = new AtomicInteger();
        FileWriter writer = new Recording(store.writer("blob", false), writes::incrementAndGet);
        assertThrows(IOException.class, () -> DigestingCopier.copy(breaksOff, writer, null, Long.MAX_VALUE, writers));
        int afterReturn = writes.get();
        writer.cancel();
        assertEquals(afterReturn, writes.get());
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** A writer that runs a check before each write, to observe which thread writes and to inject failures. */
    private static final class Recording implements FileWriter {
        interface Check {
            void run() throws IOException;
        }

        private final FileWriter delegate;
        private final Check check;

        Recording(FileWriter delegate, Check check) {
            this.delegate = delegate;
            this.check = check;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check.run();
            delegate.write(b, off, len);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            check.run();
            return delegate.write(src);
        }

        @Override
        public long size() {
            return delegate.size();
        }

        @Override
        public void commit() throws IOException {
            delegate.commit();
        }

        @Override
        public void cancel() throws IOException {
            delegate.cancel();
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
