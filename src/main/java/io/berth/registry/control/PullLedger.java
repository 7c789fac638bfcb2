package io.berth.registry.control;

import io.berth.registry.entity.Digest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pulls seen on this node since the last flush: per repository how many, per artifact and per tag when last.
 * A manifest GET only adds to these maps (no database access on the pull path); {@code PullFlush} writes them
 * with a few set-based UPDATEs every few seconds and at shutdown. Counts are added, never set, so several
 * nodes flushing into one database stay correct; a crash loses at most the last few seconds of pull statistics.
 * <p>
 * Draining removes entries one at a time ({@link ConcurrentHashMap#remove}), so a pull recorded while a flush
 * runs lands either in that flush or in the next, never in neither.
 */
@ApplicationScoped
public class PullLedger {

    /** Bounds memory if the database stays unreachable: beyond this, new repositories wait for a flush. */
    static final int MAX_ENTRIES = 100_000;

    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final Map<Key, Instant> artifacts = new ConcurrentHashMap<>();
    private final Map<Key, Instant> tags = new ConcurrentHashMap<>();

    /** A repository and a digest or tag in it. */
    public record Key(String repository, String reference) {
    }

    /** What one flush writes. */
    public record Batch(Map<String, Long> counts, Map<Key, Instant> artifacts, Map<Key, Instant> tags) {
        public boolean isEmpty() {
            return counts.isEmpty() && artifacts.isEmpty() && tags.isEmpty();
        }
    }

    /** Records one pull of {@code digest} from {@code repository}, asked for as {@code reference} (a tag or the digest). */
    public void record(String repository, String reference, Digest digest) {
        if (counts.size() >= MAX_ENTRIES || artifacts.size() >= MAX_ENTRIES) {
            return;
        }
        Instant now = Instant.now();
        counts.merge(repository, 1L, Long::sum);
        artifacts.merge(new Key(repository, digest.toString()), now, PullLedger::later);
        if (reference.indexOf(':') < 0) {
            tags.merge(new Key(repository, reference), now, PullLedger::later);
        }
    }

    /** Takes everything recorded so far out of the ledger. */
    public Batch drain() {
        return new Batch(take(counts), take(artifacts), take(tags));
    }

    /** Puts back a batch whose flush failed, so the next flush tries again. */
    public void restore(Batch batch) {
        batch.counts().forEach((k, v) -> counts.merge(k, v, Long::sum));
        batch.artifacts().forEach((k, v) -> artifacts.merge(k, v, PullLedger::later));
        batch.tags().forEach((k, v) -> tags.merge(k, v, PullLedger::later));
    }

    private static <K, V> Map<K, V> take(Map<K, V> from) {
        Map<K, V> taken = new java.util.HashMap<>();
        for (K key : from.keySet()) {
            V value = from.remove(key);
            if (value != null) {
                taken.put(key, value);
            }
        }
        return taken;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
