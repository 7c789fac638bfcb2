package io.berth.registry.control;

import io.berth.registry.entity.Digest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Pulls seen on this node since the last flush: per repository how many, per artifact and per tag when last.
 * A manifest GET only adds to these maps (no database access on the pull path); {@code PullFlush} writes them
 * with a few set-based UPDATEs every few seconds and at shutdown. Counts are added, never set, so several
 * nodes flushing into one database stay correct; a crash loses at most the last few seconds of pull statistics.
 * <p>
 * Draining removes entries one at a time ({@link ConcurrentHashMap#remove}), so a pull recorded while a flush
 * runs lands either in that flush or in the next, never in neither.
 * <p>
 * Views add what is still pending here to the database's figures ({@link #read}), so a pull shows at once. A
 * lock keeps that exact: a flush drains and commits while no such read runs, so a read sees each flushed pull
 * either in the ledger (before the drain) or in the database (after the commit), never in both, and never in
 * neither. Recording a pull takes no lock.
 */
@ApplicationScoped
public class PullLedger {

    /** Bounds memory if the database stays unreachable: beyond this, new repositories wait for a flush. */
    static final int MAX_ENTRIES = 100_000;

    /** How long a read waits for a flush before it shows the database's figures alone. */
    static final long READ_WAIT_MILLIS = 2_000;

    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final Map<Key, Instant> artifacts = new ConcurrentHashMap<>();
    private final Map<Key, Instant> tags = new ConcurrentHashMap<>();
    /** Held for reading by {@link #read}, for writing by {@link #flush} from the drain until the commit. */
    private final ReadWriteLock flushing = new ReentrantReadWriteLock();

    /** A repository and a digest or tag in it. */
    public record Key(String repository, String reference) {
    }

    /** What one flush writes. */
    public record Batch(Map<String, Long> counts, Map<Key, Instant> artifacts, Map<Key, Instant> tags) {
        public boolean isEmpty() {
            return counts.isEmpty() && artifacts.isEmpty() && tags.isEmpty();
        }
    }

    /** This node's pulls not flushed yet, as {@link #read} hands them out. */
    public interface Pending {

        /** Nothing pending: what a read sees when it gave up waiting for a flush. */
        Pending NONE = new Pending() {
            @Override
            public long count(String repository) {
                return 0;
            }

            @Override
            public Optional<Instant> artifactPull(String repository, Digest digest) {
                return Optional.empty();
            }

            @Override
            public Optional<Instant> tagPull(String repository, String tag) {
                return Optional.empty();
            }
        };

        /** Pulls of {@code repository} not in its {@code pull_count} yet. */
        long count(String repository);

        /** The last pull of an artifact that was not flushed yet. */
        Optional<Instant> artifactPull(String repository, Digest digest);

        /** The last pull by a tag that was not flushed yet. */
        Optional<Instant> tagPull(String repository, String tag);

        /** The later of a flushed time (null if never) and a pending one. */
        static Instant latest(Instant flushed, Optional<Instant> pending) {
            return pending.filter(p -> flushed == null || p.isAfter(flushed)).orElse(flushed);
        }
    }

    /**
     * Runs {@code read} with what is pending here, while no flush drains or commits. {@code read} should take the
     * flushed figures from the database inside, with a fresh query (not from entities loaded before, nor from a
     * transaction's older snapshot): then every pull counts exactly once. Should a flush hang (database stalled),
     * {@code read} runs after a moment with {@link Pending#NONE}: figures lag, never double.
     */
    public <T> T read(Function<Pending, T> read) {
        boolean locked;
        try {
            locked = flushing.readLock().tryLock(READ_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            return read.apply(Pending.NONE);
        }
        try {
            return read.apply(live);
        } finally {
            flushing.readLock().unlock();
        }
    }

    /**
     * Drains the ledger and hands the batch to {@code write}, which must have committed it when it returns; if it
     * throws, the batch goes back for the next flush and the exception travels on. No {@link #read} runs meanwhile.
     */
    public void flush(Consumer<Batch> write) {
        flushing.writeLock().lock();
        try {
            Batch batch = drain();
            if (batch.isEmpty()) {
                return;
            }
            try {
                write.accept(batch);
            } catch (RuntimeException e) {
                restore(batch);
                throw e;
            }
        } finally {
            flushing.writeLock().unlock();
        }
    }

    private final Pending live = new Pending() {
        @Override
        public long count(String repository) {
            return counts.getOrDefault(repository, 0L);
        }

        @Override
        public Optional<Instant> artifactPull(String repository, Digest digest) {
            return Optional.ofNullable(artifacts.get(new Key(repository, digest.toString())));
        }

        @Override
        public Optional<Instant> tagPull(String repository, String tag) {
            return Optional.ofNullable(tags.get(new Key(repository, tag)));
        }
    };

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

    /** Takes everything recorded so far out of the ledger; {@link #flush} does, with the lock a read respects. */
    Batch drain() {
        return new Batch(take(counts), take(artifacts), take(tags));
    }

    /** Puts back a batch whose flush failed, so the next flush tries again. */
    void restore(Batch batch) {
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
