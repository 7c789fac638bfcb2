package io.berth.storage.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A streaming writer for one object, obtained from {@link StorageDriver#writer}.
 *
 * <p>Lifecycle: a writer is <em>open</em> until exactly one of {@link #commit()}, {@link #close()} or
 * {@link #cancel()} finishes it. After that, writes throw {@link java.nio.channels.ClosedChannelException}
 * and {@link #isOpen()} is false.
 * <ul>
 *   <li>{@code commit()} finishes successfully: the content is visible to readers. Calling it again is a
 *       no-op; calling it on a closed or cancelled writer throws {@link StorageException}. No fsync is
 *       performed: the data is as durable as an ordinary closed file.</li>
 *   <li>{@code close()} releases the writer without deleting anything: bytes already written stay and a
 *       later {@code writer(path, true)} can continue them (resumable uploads). A no-op once finished.</li>
 *   <li>{@code cancel()} on an open writer removes what this writer wrote: the object is deleted if the
 *       writer created or truncated it, otherwise it is truncated back to its size when the writer was
 *       opened. On a finished writer (committed, closed or already cancelled) it does nothing, so
 *       {@code cancel()} is safe in a {@code finally} block after {@code commit()} and may be called
 *       any number of times.</li>
 * </ul>
 *
 * <p>Writers stream: implementations backed by disk never hold the whole object in memory. The name
 * clashes with {@link java.io.FileWriter} on purpose (it mirrors distribution's {@code FileWriter});
 * import this type explicitly. Use {@link java.nio.channels.Channels#newOutputStream} for an
 * {@link java.io.OutputStream} view; closing that stream calls {@link #close()}, not {@link #commit()}.
 * A writer is meant for one thread at a time; its methods are nevertheless safe to call concurrently,
 * e.g. {@code cancel()} from a thread that noticed an aborted request.
 */
public interface FileWriter extends WritableByteChannel {

    /** Appends {@code len} bytes of {@code b} starting at {@code off}. The array is not retained. */
    void write(byte[] b, int off, int len) throws IOException;

    /** Appends all remaining bytes of {@code src} and returns how many that were. */
    @Override
    int write(ByteBuffer src) throws IOException;

    /** Total size of the object in bytes: content present when the writer was opened plus bytes written. */
    long size();

    /** Finishes the writer and makes the content visible. See the class comment. */
    void commit() throws IOException;

    /** Removes what this writer wrote if it is still open; otherwise a no-op. See the class comment. */
    void cancel() throws IOException;

    /** Releases the writer, keeping the bytes written so far. See the class comment. */
    @Override
    void close() throws IOException;
}
