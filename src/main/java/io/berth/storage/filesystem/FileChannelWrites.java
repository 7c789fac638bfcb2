package io.berth.storage.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Writes heap data to a {@link FileChannel} in bounded slices. The JDK copies a heap buffer into a
 * temporary direct buffer of the same size and caches that buffer per thread without limit, so a single
 * 64 MiB write would pin 64 MiB of native memory in the writing thread for good; slicing caps it.
 */
final class FileChannelWrites {

    static final int MAX_SLICE = 256 * 1024;

    private FileChannelWrites() {
    }

    /** Writes every remaining byte of {@code src}, advancing its position to its limit. */
    static void writeFully(FileChannel channel, ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            int sliceLength = Math.min(src.remaining(), MAX_SLICE);
            ByteBuffer slice = src.slice(src.position(), sliceLength);
            while (slice.hasRemaining()) {
                channel.write(slice);
            }
            src.position(src.position() + sliceLength);
        }
    }
}
