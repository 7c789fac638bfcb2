package io.berth.registry.control;

import io.berth.storage.spi.FileWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The storing half of one body copy, run on a thread of its own: the request thread hands it filled buffers in
 * order and it writes them to the {@link FileWriter}, giving each buffer back for the next read. At most
 * {@value #BUFFERS} buffers exist per copy, so an upload holds at most 4 MiB of heap however fast the client sends
 * and however slow the store is (the reader then waits for a free buffer, and TCP slows the client down).
 * <p>
 * Only one thread writes at a time and the hand-over queues order every write after the bytes it carries, so
 * the writer needs no locking of its own. A failed write is kept and thrown to the request thread at its next
 * hand-over; after a failure, or once the request thread gives up, buffers still queued are dropped unwritten.
 */
final class WriteBehind implements Runnable {

    static final int BUFFERS = 4;
    /** How long a hand-over waits before it checks that the writer thread is still there. */
    private static final long POLL_MILLIS = 100;

    private record Chunk(byte[] bytes, int length) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final FileWriter out;
    /** Room for every buffer plus the end mark, so handing over never waits on the queue itself. */
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;
    private volatile boolean stopped;
    /** Buffers in circulation, counting the caller's first one, which it hands over before asking for more. */
    private int allocated = 1;
    private boolean ended;

    WriteBehind(FileWriter out) {
        this.out = out;
    }

    @Override
    public void run() {
        try {
            for (Chunk chunk = filled.take(); chunk != END; chunk = filled.take()) {
                if (failure == null && !stopped) {
                    try {
                        out.write(chunk.bytes(), 0, chunk.length());
                    } catch (IOException | RuntimeException e) {
                        failure = e;
                    }
                }
                free.offer(chunk.bytes());
            }
        } catch (InterruptedException e) {
            // The executor is shutting down (undeploy): the upload fails rather than being stored in part.
            failure = new InterruptedIOException("the storing thread was stopped");
        } finally {
            done.countDown();
        }
    }

    /** A buffer to read the next bytes into: a returned one, a new one while fewer than {@value #BUFFERS} exist. */
    byte[] freeBuffer(int size) throws IOException {
        byte[] buffer = free.poll();
        if (buffer != null) {
            return buffer;
        }
        if (allocated < BUFFERS) {
            allocated++;
            return new byte[size];
        }
        try {
            while ((buffer = free.poll(POLL_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                requireRunning();
            }
            return buffer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the store");
        }
    }

    /** Queues {@code length} bytes of {@code bytes} for storing; throws what a previous write threw. */
    void hand(byte[] bytes, int length) throws IOException {
        requireRunning();
        filled.add(new Chunk(bytes, length));
    }

    /** Waits until every queued byte is stored; throws what a write threw. */
    void finish() throws IOException {
        ended = true;
        filled.add(END);
        awaitDone();
        rethrow();
    }

    /** Stops storing (if {@link #finish()} did not run) and waits until the writer thread has let go of the writer. */
    void abandon() {
        if (!ended) {
            ended = true;
            stopped = true;
            filled.add(END);
        }
        awaitDone();
    }

    private void requireRunning() throws IOException {
        rethrow();
        if (done.getCount() == 0) {
            throw new IOException("the storing thread ended early");
        }
    }

    private void rethrow() throws IOException {
        Throwable failed = failure;
        if (failed instanceof IOException io) {
            throw new IOException(io.getMessage(), io);
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
    }

    private void awaitDone() {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                // The caller commits or cancels the writer next: it must not do so while this copy still writes.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
