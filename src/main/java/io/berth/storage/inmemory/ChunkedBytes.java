package io.berth.storage.inmemory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable byte sequence held as a list of chunks. Appending (resumable uploads, many-MiB test
 * writes) only adds chunks and never copies or reallocates earlier content, and an appending writer
 * can share the chunks of the object it continues.
 */
final class ChunkedBytes {

    static final ChunkedBytes EMPTY = new ChunkedBytes(List.of(), 0);

    private final List<byte[]> chunks;
    private final long size;

    private ChunkedBytes(List<byte[]> chunks, long size) {
        this.chunks = chunks;
        this.size = size;
    }

    long size() {
        return size;
    }

    byte[] toByteArray() {
        byte[] all = new byte[Math.toIntExact(size)];
        int position = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, position, chunk.length);
            position += chunk.length;
        }
        return all;
    }

    /** Bytes from {@code offset} to the end; the caller has checked {@code 0 <= offset <= size}. */
    InputStream openStream(long offset) {
        List<InputStream> parts = new ArrayList<>();
        long skip = offset;
        for (byte[] chunk : chunks) {
            if (skip >= chunk.length) {
                skip -= chunk.length;
            } else {
                parts.add(new ByteArrayInputStream(chunk, (int) skip, chunk.length - (int) skip));
                skip = 0;
            }
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    /** Writes {@code [offset, offset + length)}; the caller has checked the range. */
    void writeTo(OutputStream out, long offset, long length) throws IOException {
        long skip = offset;
        long remaining = length;
        for (byte[] chunk : chunks) {
            if (remaining == 0) {
                return;
            }
            if (skip >= chunk.length) {
                skip -= chunk.length;
                continue;
            }
            int count = (int) Math.min(chunk.length - skip, remaining);
            out.write(chunk, (int) skip, count);
            remaining -= count;
            skip = 0;
        }
    }

    /** Accumulates appended bytes into fixed-size chunks, starting from an existing sequence. */
    static final class Builder {

        private static final int CHUNK_SIZE = 256 * 1024;

        private final List<byte[]> chunks;
        private long size;
        private byte[] tail = new byte[0];
        private int tailUsed;

        Builder(ChunkedBytes base) {
            this.chunks = new ArrayList<>(base.chunks);
            this.size = base.size;
        }

        void append(byte[] b, int off, int len) {
            while (len > 0) {
                int count = Math.min(len, reserveTail());
                System.arraycopy(b, off, tail, tailUsed, count);
                tailUsed += count;
                size += count;
                off += count;
                len -= count;
            }
        }

        void append(ByteBuffer src) {
            while (src.hasRemaining()) {
                int count = Math.min(src.remaining(), reserveTail());
                src.get(tail, tailUsed, count);
                tailUsed += count;
                size += count;
            }
        }

        /** A snapshot of everything appended so far; the builder stays usable. */
        ChunkedBytes build() {
            List<byte[]> all = new ArrayList<>(chunks);
            if (tailUsed > 0) {
                all.add(Arrays.copyOf(tail, tailUsed));
            }
            return new ChunkedBytes(List.copyOf(all), size);
        }

        private int reserveTail() {
            if (tailUsed == tail.length) {
                if (tailUsed > 0) {
                    chunks.add(tail);
                }
                tail = new byte[CHUNK_SIZE];
                tailUsed = 0;
            }
            return tail.length - tailUsed;
        }
    }
}
