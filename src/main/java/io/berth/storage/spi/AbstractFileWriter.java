package io.berth.storage.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@link FileWriter} lifecycle (open, then committed, closed or cancelled) implemented once, so
 * that every driver answers repeated or out-of-order calls identically; drivers only supply the
 * storage side effects. Subclasses' hooks run under this writer's lock and are called at most once
 * each for the finishing transitions.
 */
public abstract class AbstractFileWriter implements FileWriter {

    private enum State { OPEN, COMMITTED, CLOSED, CANCELLED }

    private final String path;
    private long size;
    private State state = State.OPEN;

    protected AbstractFileWriter(String path, long initialSize) {
        this.path = Objects.requireNonNull(path, "path");
        this.size = initialSize;
    }

    /** Stores {@code len} bytes; the array must not be retained. */
    protected abstract void appendBytes(byte[] b, int off, int len) throws IOException;

    /** Stores every remaining byte of {@code src}, leaving it with nothing remaining. */
    protected abstract void appendBuffer(ByteBuffer src) throws IOException;

    /** Makes the content visible and releases resources. If it throws, the writer stays open. */
    protected abstract void onCommit() throws IOException;

    /** Releases resources, keeping the content. */
    protected abstract void onClose() throws IOException;

    /** Undoes this writer's effect on the object and releases resources. */
    protected abstract void onCancel() throws IOException;

    /** The storage path this writer targets. */
    protected final String path() {
        return path;
    }

    @Override
    public final synchronized void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (len > 0) {
            appendBytes(b, off, len);
            size += len;
        }
    }

    @Override
    public final synchronized int write(ByteBuffer src) throws IOException {
        ensureOpen();
        int count = src.remaining();
        if (count > 0) {
            appendBuffer(src);
            size += count;
        }
        return count;
    }

    @Override
    public final synchronized long size() {
        return size;
    }

    @Override
    public final synchronized boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public final synchronized void commit() throws IOException {
        switch (state) {
            case COMMITTED -> { }
            case OPEN -> {
                onCommit();
                state = State.COMMITTED;
            }
            default -> throw new StorageException(path,
                    "cannot commit a writer that was " + state.name().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public final synchronized void cancel() throws IOException {
        if (state == State.OPEN) {
            // Marked first: a failed rollback must not be retried by the next cancel() in a finally block.
            state = State.CANCELLED;
            onCancel();
        }
    }

    @Override
    public final synchronized void close() throws IOException {
        if (state == State.OPEN) {
            state = State.CLOSED;
            onClose();
        }
    }

    private void ensureOpen() throws ClosedChannelException {
        if (state != State.OPEN) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + path + ", " + state + ", " + size + " bytes]";
    }
}
