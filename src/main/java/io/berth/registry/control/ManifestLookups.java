package io.berth.registry.control;

import io.berth.registry.entity.RepositoryName;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Recent answers to "which manifest is {@code <name>:<reference>}", so that the HEAD requests clients send
 * before every pull (and CI systems send by the thousand) do not each cost a database query.
 * <p>
 * Writes on this node invalidate a repository's entries at once, and a per-repository generation keeps a
 * lookup that raced a write from caching what it read before the write. Writes on other nodes are seen
 * after at most {@link #ttl} ({@code berth.cache.manifest.ttl.millis}, 1 s by default; 0 turns the cache
 * off): tags are the only mutable names, and a tag moved elsewhere may be answered with its previous digest
 * for that long, which is the consistency registries behind caches and CDNs give anyway. Only hits are
 * cached; a miss always asks the database.
 */
@ApplicationScoped
public class ManifestLookups {

    static final int MAX_REPOSITORIES = 10_000;
    static final int MAX_REFERENCES = 1_000;

    private final long ttlNanos = Duration.ofMillis(ConfigProvider.getConfig(ManifestLookups.class.getClassLoader())
            .getOptionalValue("berth.cache.manifest.ttl.millis", Long.class).orElse(1000L)).toNanos();
    private final Map<String, Repository> repositories = new ConcurrentHashMap<>();

    /** The cached value for {@code reference} in {@code name}, or the loader's, cached if still current. */
    public <V> Optional<V> get(RepositoryName name, String reference, Supplier<Optional<V>> loader) {
        if (ttlNanos == 0) {
            return loader.get();
        }
        Repository repository = repositories.computeIfAbsent(name.value(), r -> new Repository());
        long now = System.nanoTime();
        Entry hit = repository.entries.get(reference);
        if (hit != null && now - hit.loadedAt < ttlNanos) {
            @SuppressWarnings("unchecked")
            V value = (V) hit.value;
            return Optional.of(value);
        }
        long generation = repository.generation.get();
        Optional<V> loaded = loader.get();
        if (loaded.isPresent() && repository.generation.get() == generation) {
            if (repository.entries.size() >= MAX_REFERENCES) {
                repository.entries.clear();
            }
            repository.entries.put(reference, new Entry(loaded.get(), now));
            if (repositories.size() > MAX_REPOSITORIES) {
                // Bounded memory: dropping everything only costs one query per reference asked again.
                repositories.clear();
            }
        }
        return loaded;
    }

    /** Forgets everything cached for {@code name}: call after a manifest or tag in it changed. */
    public void invalidate(RepositoryName name) {
        Repository repository = repositories.computeIfAbsent(name.value(), r -> new Repository());
        repository.generation.incrementAndGet();
        repository.entries.clear();
    }

    /** The entries of one repository and the count of writes to it seen on this node. */
    private static final class Repository {
        final Map<String, Entry> entries = new ConcurrentHashMap<>();
        final AtomicLong generation = new AtomicLong();
    }

    private record Entry(Object value, long loadedAt) {
    }
}
