package io.berth.registry.control;

import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import io.berth.storage.spi.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Copies a request body into a storage writer, hashing as it goes, so a blob is verified without reading
 * it twice and never held whole in memory. One buffer per copy; 256 KiB keeps system calls and digest
 * updates few even for multi-gigabyte layers.
 */
public final class DigestingCopier {

    static final int BUFFER_SIZE = 256 * 1024;

    private DigestingCopier() {
    }

    /**
     * Copies {@code in} to {@code out}, updating {@code digest} (if not null) with every byte.
     *
     * @param limit the most bytes accepted; more is {@code SIZE_INVALID}
     * @return the number of bytes copied
     */
    public static long copy(InputStream in, FileWriter out, MessageDigest digest, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        int n;
        while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
            total += n;
            if (total > limit) {
                throw new RegistryException(OciErrorCode.SIZE_INVALID, "content is longer than announced (" + limit + " bytes)");
            }
            if (digest != null) {
                digest.update(buffer, 0, n);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** Hashes what is already stored (an upload resumed on another node, or after a restart). */
    public static void hash(InputStream in, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
    }
}
