package io.berth.storage.inmemory;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * Keeps objects in a {@link ConcurrentSkipListMap} from storage path to immutable content.
 *
 * <p>The map is sorted, so the children of a directory {@code d} are the contiguous key range starting
 * at {@code d + "/"}; listing, walking and subtree deletes are range scans. Reads go to the map without
 * locking. Mutations take one lock so that the layout checks (no object below an object, no object on a
 * directory) and multi-key updates are atomic; this is a test driver and simplicity beats throughput.
 */
public final class InMemoryDriver implements StorageDriver {

    public static final String NAME = "inmemory";

    /** One stored object: an immutable snapshot, replaced wholesale on every change. */
    record StoredObject(ChunkedBytes content, Instant modified) {
    }

    private final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    private final Object mutationLock = new Object();
    private final Instant created = Instant.now();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FileInfo stat(String path) throws IOException {
        String p = StoragePaths.validateOrRoot(path);
        StoredObject object = p.isEmpty() ? null : objects.get(p);
        if (object != null) {
            return new FileInfo(p, object.content().size(), object.modified(), false);
        }
        NavigableMap<String, StoredObject> below = subtree(p);
        if (p.isEmpty() || !below.isEmpty()) {
            Instant newest = below.values().stream().map(StoredObject::modified).max(Instant::compareTo).orElse(created);
            return new FileInfo(p, 0, newest, true);
        }
        throw new PathNotFoundException(p);
    }

    @Override
    public byte[] getContent(String path) throws IOException {
        return object(StoragePaths.validate(path)).content().toByteArray();
    }

    @Override
    public void putContent(String path, byte[] content) throws IOException {
        String p = StoragePaths.validate(path);
        ChunkedBytes.Builder bytes = new ChunkedBytes.Builder(ChunkedBytes.EMPTY);
        bytes.append(content, 0, content.length);
        synchronized (mutationLock) {
            requirePlaceable(p);
            objects.put(p, new StoredObject(bytes.build(), Instant.now()));
        }
    }

    @Override
    public InputStream reader(String path, long offset) throws IOException {
        String p = StoragePaths.validate(path);
        ChunkedBytes content = object(p).content();
        InvalidOffsetException.checkOffset(p, offset, content.size());
        return content.openStream(offset);
    }

    @Override
    public FileWriter writer(String path, boolean append) throws IOException {
        String p = StoragePaths.validate(path);
        synchronized (mutationLock) {
            requirePlaceable(p);
            StoredObject existing = objects.get(p);
            if (append && existing != null) {
                return new InMemoryFileWriter(this, p, existing.content(), existing);
            }
            // Created or truncated right away, as on disk; cancel then removes the object entirely.
            objects.put(p, new StoredObject(ChunkedBytes.EMPTY, Instant.now()));
            return new InMemoryFileWriter(this, p, ChunkedBytes.EMPTY, null);
        }
    }

    @Override
    public void move(String source, String dest) throws IOException {
        String from = StoragePaths.validate(source);
        String to = StoragePaths.validate(dest);
        synchronized (mutationLock) {
            StoredObject object = object(from);
            if (from.equals(to)) {
                return;
            }
            requirePlaceable(to);
            objects.put(to, object);
            objects.remove(from);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        String p = StoragePaths.validate(path);
        synchronized (mutationLock) {
            if (objects.remove(p) != null) {
                return;
            }
            NavigableMap<String, StoredObject> below = subtree(p);
            if (below.isEmpty()) {
                throw new PathNotFoundException(p);
            }
            below.clear();
        }
    }

    @Override
    public List<String> list(String path) throws IOException {
        String p = StoragePaths.validateOrRoot(path);
        String prefix = p.isEmpty() ? "" : p + "/";
        List<String> children = new ArrayList<>();
        String key = objects.ceilingKey(prefix);
        while (key != null && key.startsWith(prefix)) {
            int slash = key.indexOf('/', prefix.length());
            if (slash < 0) {
                children.add(key);
                key = objects.higherKey(key);
            } else {
                String child = key.substring(0, slash);
                children.add(child);
                // Skip the child's whole subtree: '0' is the character after '/'.
                key = objects.ceilingKey(child + "0");
            }
        }
        if (children.isEmpty() && !p.isEmpty()) {
            throw new PathNotFoundException(p);
        }
        // Range order is not child order: "a/b.x" sorts before "a/b/c" because '.' < '/'.
        Collections.sort(children);
        return children;
    }

    @Override
    public void walk(String path, Consumer<FileInfo> visitor) throws IOException {
        String p = StoragePaths.validateOrRoot(path);
        Objects.requireNonNull(visitor, "visitor");
        StoredObject object = p.isEmpty() ? null : objects.get(p);
        if (object != null) {
            visitor.accept(new FileInfo(p, object.content().size(), object.modified(), false));
            return;
        }
        NavigableMap<String, StoredObject> below = subtree(p);
        if (below.isEmpty() && !p.isEmpty()) {
            throw new PathNotFoundException(p);
        }
        for (Map.Entry<String, StoredObject> entry : below.entrySet()) {
            StoredObject value = entry.getValue();
            visitor.accept(new FileInfo(entry.getKey(), value.content().size(), value.modified(), false));
        }
    }

    @Override
    public long copyTo(String path, long offset, long length, OutputStream out) throws IOException {
        String p = StoragePaths.validate(path);
        Objects.requireNonNull(out, "out");
        ChunkedBytes content = object(p).content();
        InvalidOffsetException.checkRange(p, offset, length, content.size());
        content.writeTo(out, offset, length);
        return length;
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public String toString() {
        return "InMemoryDriver[" + objects.size() + " objects]";
    }

    void publish(String path, ChunkedBytes content) {
        synchronized (mutationLock) {
            objects.put(path, new StoredObject(content, Instant.now()));
        }
    }

    void restore(String path, StoredObject previous) {
        synchronized (mutationLock) {
            if (previous == null) {
                objects.remove(path);
            } else {
                objects.put(path, previous);
            }
        }
    }

    private StoredObject object(String path) throws PathNotFoundException {
        StoredObject object = objects.get(path);
        if (object == null) {
            throw new PathNotFoundException(path);
        }
        return object;
    }

    /** Every object strictly below directory {@code path}; the whole map for the root. */
    private NavigableMap<String, StoredObject> subtree(String path) {
        // Keys starting with "d/" are exactly those in ["d/", "d0"), '0' being the character after '/'.
        return path.isEmpty() ? objects : objects.subMap(path + "/", true, path + "0", false);
    }

    /** Mirrors the filesystem: no object below an object, no object replacing a directory. */
    private void requirePlaceable(String path) throws StorageException {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (objects.containsKey(path.substring(0, slash))) {
                throw new StorageException(path, "cannot create an object below another object");
            }
        }
        if (!subtree(path).isEmpty()) {
            throw new StorageException(path, "cannot replace a directory with an object");
        }
    }
}
