package io.berth.registry.control;

import io.berth.registry.entity.Digest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Recently served manifest bytes, by digest. Content addressing makes the cache trivially correct on every
 * node: the bytes of a digest never change, and whether a repository may see a digest is decided by the
 * database lookup that comes before. Bounded by total bytes, least recently used first out.
 */
@ApplicationScoped
public class ManifestCache {

    static final long MAX_BYTES = 32L * 1024 * 1024;

    private final LinkedHashMap<Digest, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    /** The cached bytes of {@code digest}, loading (outside the lock) and caching them when absent. */
    public byte[] get(Digest digest, Supplier<byte[]> loader) {
        synchronized (entries) {
            byte[] hit = entries.get(digest);
            if (hit != null) {
                return hit;
            }
        }
        byte[] loaded = loader.get();
        synchronized (entries) {
            if (entries.putIfAbsent(digest, loaded) == null) {
                bytes += loaded.length;
                var it = entries.entrySet().iterator();
                while (bytes > MAX_BYTES && it.hasNext()) {
                    Map.Entry<Digest, byte[]> eldest = it.next();
                    bytes -= eldest.getValue().length;
                    it.remove();
                }
            }
        }
        return loaded;
    }
}
