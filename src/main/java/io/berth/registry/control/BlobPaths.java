package io.berth.registry.control;

import io.berth.registry.entity.Digest;

/**
 * Where the registry keeps bytes in the storage driver: the whole on-disk layout in one place.
 * <pre>
 * &lt;root&gt;/
 *   blobs/
 *     sha256/
 *       ab/                      first two hex characters, so no directory grows too large
 *         abcdef0123.../data     the bytes of blob sha256:abcdef0123... (layers, configs and manifests alike)
 *   uploads/
 *     &lt;uuid&gt;/data                bytes received so far for upload &lt;uuid&gt;; moved into blobs/ once verified
 * </pre>
 * Content addressing makes writes idempotent: two uploads of the same digest produce the same path with
 * the same bytes, so the second atomic move is harmless. Metadata (which repository holds what) is only in
 * the database.
 */
public final class BlobPaths {

    public static final String BLOBS = "blobs";
    public static final String UPLOADS = "uploads";

    private BlobPaths() {
    }

    /** The path of a blob's bytes. */
    public static String blob(Digest digest) {
        return BLOBS + "/" + digest.algorithm() + "/" + digest.hexPrefix() + "/" + digest.encoded() + "/data";
    }

    /** The directory holding a blob's bytes, removed whole when garbage collection deletes the blob. */
    public static String blobDirectory(Digest digest) {
        return BLOBS + "/" + digest.algorithm() + "/" + digest.hexPrefix() + "/" + digest.encoded();
    }

    /** The directory of an upload in progress (removed when the upload completes or is cancelled). */
    public static String uploadDirectory(String uuid) {
        return UPLOADS + "/" + uuid;
    }

    /** The bytes of an upload in progress. */
    public static String upload(String uuid) {
        return uploadDirectory(uuid) + "/data";
    }
}
