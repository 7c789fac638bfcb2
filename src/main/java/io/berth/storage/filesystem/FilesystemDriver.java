package io.berth.storage.filesystem;

import io.berth.storage.spi.FileInfo;
import io.berth.storage.spi.FileWriter;
import io.berth.storage.spi.InvalidOffsetException;
import io.berth.storage.spi.PathNotFoundException;
import io.berth.storage.spi.StorageDriver;
import io.berth.storage.spi.StorageException;
import io.berth.storage.spi.StoragePaths;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * Stores each storage path as the file or directory of the same relative name below a root
 * directory.
 *
 * <p>Atomicity rests on {@code rename(2)}, which replaces its target in one step on POSIX systems:
 * {@link #putContent} writes a scratch file and renames it into place, {@link #move} is a single
 * rename (so concurrent moves onto one destination all succeed), and {@link #delete} of a directory
 * first renames the subtree into scratch space so readers never see it half-deleted. Scratch space is
 * {@code <root>/_tmp}, inside the root so renames never cross filesystems; it is hidden from
 * {@link #list} and {@link #walk}. Empty parent directories are left behind after deletes and moves.
 *
 * <p>The driver keeps no mutable state, so it is thread-safe; the operating system arbitrates.
 */
public final class FilesystemDriver implements StorageDriver {

    public static final String NAME = "filesystem";

    /** Large enough to amortize syscalls on blob pulls, small enough to allocate per request. */
    static final int COPY_BUFFER_SIZE = 256 * 1024;

    private final Path root;
    private final Path scratch;

    /**
     * Uses (and creates if needed) {@code root} and its scratch directory. A symlinked root is resolved
     * once, here.
     *
     * @throws UncheckedIOException if they cannot be created
     */
    public FilesystemDriver(Path root) {
        try {
            Files.createDirectories(root);
            // The real path, because walking from a symlinked root would report the link, not the tree.
            this.root = root.toRealPath();
            this.scratch = this.root.resolve(StoragePaths.RESERVED_ROOT);
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create storage root " + root, e);
        }
    }

    /** The absolute root directory. */
    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FileInfo stat(String path) throws IOException {
        String p = StoragePaths.validateOrRoot(path);
        return info(p, attributes(p, resolve(p)));
    }

    @Override
    public byte[] getContent(String path) throws IOException {
        String p = StoragePaths.validate(path);
        Path file = resolve(p);
        requireObject(p, file);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PathNotFoundException(p, e);
        }
    }

    @Override
    public void putContent(String path, byte[] content) throws IOException {
        String p = StoragePaths.validate(path);
        Objects.requireNonNull(content, "content");
        Path target = resolve(p);
        createParents(p, target);
        Path temp = newScratchPath("put");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, CREATE_NEW, WRITE)) {
                FileChannelWrites.writeFully(channel, ByteBuffer.wrap(content));
            }
            Files.move(temp, target, ATOMIC_MOVE, REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    @Override
    public InputStream reader(String path, long offset) throws IOException {
        String p = StoragePaths.validate(path);
        Path file = resolve(p);
        requireObject(p, file);
        FileChannel channel = openForRead(p, file);
        try {
            // Bound by the opened file, not the earlier stat: putContent may have replaced it in between.
            InvalidOffsetException.checkOffset(p, offset, channel.size());
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public FileWriter writer(String path, boolean append) throws IOException {
        String p = StoragePaths.validate(path);
        Path file = resolve(p);
        createParents(p, file);
        return FilesystemFileWriter.open(p, file, append);
    }

    @Override
    public void move(String source, String dest) throws IOException {
        String from = StoragePaths.validate(source);
        String to = StoragePaths.validate(dest);
        Path src = resolve(from);
        Path dst = resolve(to);
        requireObject(from, src);
        createParents(to, dst);
        try {
            Files.move(src, dst, ATOMIC_MOVE, REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            if (Files.notExists(src)) {
                throw new PathNotFoundException(from, e);
            }
            throw e;
        }
    }

    @Override
    public void delete(String path) throws IOException {
        String p = StoragePaths.validate(path);
        Path target = resolve(p);
        if (!attributes(p, target).isDirectory()) {
            try {
                Files.delete(target);
            } catch (NoSuchFileException e) {
                throw new PathNotFoundException(p, e);
            }
            return;
        }
        Path doomed = newScratchPath("deleted");
        try {
            Files.move(target, doomed, ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            throw new PathNotFoundException(p, e);
        } catch (IOException e) {
            // A mount point cannot be renamed away; deleting in place is still correct, just not atomic.
            doomed = target;
        }
        deleteTree(doomed);
    }

    @Override
    public List<String> list(String path) throws IOException {
        String p = StoragePaths.validateOrRoot(path);
        Path dir = resolve(p);
        List<String> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (!entry.equals(scratch)) {
                    children.add(StoragePaths.child(p, entry.getFileName().toString()));
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new PathNotFoundException(p, e);
        } catch (FileSystemException e) {
            throw notFoundIfAbsent(p, dir, e);
        }
        Collections.sort(children);
        return children;
    }

    @Override
    public void walk(String path, Consumer<FileInfo> visitor) throws IOException {
        String p = StoragePaths.validateOrRoot(path);
        Objects.requireNonNull(visitor, "visitor");
        Path start = resolve(p);
        attributes(p, start);
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(scratch) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    visitor.accept(info(storagePath(file), attrs));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // Uploads and deletes carry on while garbage collection walks; vanished entries are fine.
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e == null || e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Path> localFile(String path) throws IOException {
        String p = StoragePaths.validate(path);
        Path file = resolve(p);
        requireObject(p, file);
        return Optional.of(file);
    }

    @Override
    public long copyTo(String path, long offset, long length, OutputStream out) throws IOException {
        String p = StoragePaths.validate(path);
        Objects.requireNonNull(out, "out");
        Path file = resolve(p);
        requireObject(p, file);
        try (FileChannel channel = openForRead(p, file)) {
            InvalidOffsetException.checkRange(p, offset, length, channel.size());
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(1, Math.min(COPY_BUFFER_SIZE, length)));
            long position = offset;
            long end = offset + length;
            while (position < end) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new StorageException(p, "object shrank to " + channel.size() + " bytes while copying up to " + end);
                }
                out.write(buffer.array(), 0, read);
                position += read;
            }
            return length;
        }
    }

    @Override
    public boolean isHealthy() {
        return Files.isDirectory(root) && Files.isWritable(root);
    }

    @Override
    public String toString() {
        return "FilesystemDriver[" + root + "]";
    }

    private Path resolve(String validatedPath) {
        return validatedPath.isEmpty() ? root : root.resolve(validatedPath);
    }

    private String storagePath(Path file) {
        StringBuilder path = new StringBuilder();
        for (Path name : root.relativize(file)) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            path.append(name);
        }
        return path.toString();
    }

    private static FileInfo info(String path, BasicFileAttributes attributes) {
        boolean directory = attributes.isDirectory();
        return new FileInfo(path, directory ? 0 : attributes.size(), attributes.lastModifiedTime().toInstant(), directory);
    }

    private static BasicFileAttributes attributes(String path, Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new PathNotFoundException(path, e);
        } catch (FileSystemException e) {
            throw notFoundIfAbsent(path, file, e);
        }
    }

    /** Object operations treat a directory like a missing object: there is no object there. */
    private static void requireObject(String path, Path file) throws IOException {
        if (attributes(path, file).isDirectory()) {
            throw new PathNotFoundException(path);
        }
    }

    private static FileChannel openForRead(String path, Path file) throws IOException {
        try {
            return FileChannel.open(file, READ);
        } catch (NoSuchFileException e) {
            throw new PathNotFoundException(path, e);
        }
    }

    /** Looking below an object fails with ENOTDIR, which NIO reports only as a generic FileSystemException. */
    private static IOException notFoundIfAbsent(String path, Path file, FileSystemException e) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? e : new PathNotFoundException(path, e);
    }

    private static void createParents(String path, Path file) throws IOException {
        try {
            Files.createDirectories(file.getParent());
        } catch (FileAlreadyExistsException e) {
            throw new StorageException(path, "cannot create an object below another object", e);
        }
    }

    private Path newScratchPath(String purpose) throws IOException {
        // Recreated on demand because an operator may have cleared the scratch directory.
        Files.createDirectories(scratch);
        return scratch.resolve(purpose + "-" + UUID.randomUUID());
    }

    private static void deleteTree(Path top) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
