package io.berth.storage.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A flat, path-addressed object store, the single seam between the registry and its bytes.
 *
 * <p>The interface is deliberately thin (the shape of distribution's {@code StorageDriver}) so that
 * a new backend only has to get a dozen well-specified operations right; everything OCI-specific
 * lives above it. Paths are validated by {@link StoragePaths}: '/'-separated, relative, no empty,
 * {@code .} or {@code ..} components, no backslash, and the top-level name {@code _tmp} is reserved
 * for a driver's scratch space. Malformed paths throw {@link IllegalArgumentException}. The empty
 * path {@code ""} denotes the root and is accepted only by {@link #stat}, {@link #list} and {@link #walk}.
 *
 * <p>The store holds <em>objects</em> (byte sequences) and <em>directories</em> (implied by the
 * objects below them). Operations on objects report a directory path as {@link PathNotFoundException}
 * and vice versa, because there is no object (or directory) there. An object cannot be placed where a
 * directory exists or below another object; such writes fail with an {@link IOException}. Directories
 * may outlive their last object (the filesystem driver leaves them behind), so callers must tolerate
 * empty directories in {@link #list}.
 *
 * <p>Implementations are thread-safe. Concurrent writers to the same path are not coordinated:
 * the registry guarantees one writer per upload, and content-addressed paths only ever receive
 * identical bytes.
 */
public interface StorageDriver {

    /** The driver id used in configuration, e.g. {@code "filesystem"} or {@code "inmemory"}. */
    String name();

    /**
     * Describes the object or directory at {@code path} ({@code ""} is the root, always a directory).
     * Directories report size 0.
     *
     * @throws PathNotFoundException if nothing exists at {@code path}
     */
    FileInfo stat(String path) throws IOException;

    /**
     * Returns the whole object. Meant for small objects such as manifests and link files; large blobs
     * go through {@link #reader} or {@link #copyTo}.
     *
     * @throws PathNotFoundException if there is no object at {@code path}
     */
    byte[] getContent(String path) throws IOException;

    /**
     * Stores {@code content} at {@code path}, replacing any previous object and creating parent
     * directories. Atomic: concurrent readers see either the old or the new content, never a mix or
     * a prefix.
     */
    void putContent(String path, byte[] content) throws IOException;

    /**
     * Opens the object for reading from byte {@code offset}. An offset equal to the size yields an
     * empty stream. The caller closes the stream.
     *
     * @throws PathNotFoundException if there is no object at {@code path}
     * @throws InvalidOffsetException if {@code offset < 0} or {@code offset > size}
     */
    InputStream reader(String path, long offset) throws IOException;

    /**
     * Opens a streaming writer, creating parent directories. With {@code append == false} the object
     * is created or truncated to zero immediately; with {@code append == true} writing continues at the
     * end of the existing object (which is created empty if absent), and {@link FileWriter#size()}
     * starts at its current size. This is how resumable uploads accumulate chunks across requests.
     * Content is visible to {@link #stat} and {@link #reader} at the latest after
     * {@link FileWriter#commit()} or {@link FileWriter#close()}. See {@link FileWriter} for the lifecycle.
     */
    FileWriter writer(String path, boolean append) throws IOException;

    /**
     * Renames the object at {@code source} to {@code dest} atomically, replacing an existing object
     * at {@code dest} and creating its parent directories. Several concurrent moves of different
     * sources onto the same destination all succeed and the destination ends up holding one of them
     * whole; content-addressed storage relies on this, since the sources hold identical bytes.
     *
     * @throws PathNotFoundException if there is no object at {@code source}
     */
    void move(String source, String dest) throws IOException;

    /**
     * Deletes the object at {@code path}, or the directory and everything below it.
     *
     * @throws PathNotFoundException if nothing exists at {@code path}
     */
    void delete(String path) throws IOException;

    /**
     * Returns the full paths of the direct children (objects and directories) of the directory at
     * {@code path}, sorted by {@link String#compareTo}. {@code ""} lists the root.
     *
     * @throws PathNotFoundException if there is no directory at {@code path}
     */
    List<String> list(String path) throws IOException;

    /**
     * Calls {@code visitor} once for every object below {@code path}, recursively; directories are
     * not reported. If {@code path} is an object, only that object is reported. Entries are produced
     * as they are found, never collected first, so walking millions of blobs for garbage collection
     * needs constant memory. The order is unspecified. Objects that disappear during the walk are
     * skipped; exceptions thrown by the visitor propagate and end the walk.
     *
     * @throws PathNotFoundException if nothing exists at {@code path}
     */
    void walk(String path, Consumer<FileInfo> visitor) throws IOException;

    /**
     * Copies bytes {@code [offset, offset + length)} of the object to {@code out} and returns the
     * number of bytes copied (always {@code length}). This is the hot path of blob pulls and range
     * requests: implementations copy through one large reused buffer. {@code out} is not closed.
     *
     * @throws PathNotFoundException if there is no object at {@code path}
     * @throws InvalidOffsetException if the range is negative or extends past the end of the object
     */
    long copyTo(String path, long offset, long length, OutputStream out) throws IOException;

    /**
     * The object as a regular file on this machine, so that callers may hand it to the operating system for a
     * zero-copy transfer ({@code sendfile}); empty for drivers that keep objects elsewhere. The file is read
     * only and may disappear at any time, like any object.
     *
     * @throws PathNotFoundException if there is no object at {@code path}
     */
    default Optional<Path> localFile(String path) throws IOException {
        return Optional.empty();
    }

    /** Cheap probe for health checks: is the store reachable and writable right now? Never throws. */
    boolean isHealthy();
}
