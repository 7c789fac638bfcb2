package io.berth.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.registry.entity.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PullLedgerTest {

    private static final Digest DIGEST = Digest.sha256("manifest".getBytes(StandardCharsets.UTF_8));

    @Test
    void countsPerRepositoryAndTimesPerArtifactAndTag() {
        PullLedger ledger = new PullLedger();
        ledger.record("library/app", "v1", DIGEST);
        ledger.record("library/app", DIGEST.toString(), DIGEST);
        PullLedger.Batch batch = ledger.drain();
        assertEquals(2L, batch.counts().get("library/app"));
        assertEquals(1, batch.artifacts().size());
        assertEquals(1, batch.tags().size(), "a pull by digest touches no tag");
        assertTrue(ledger.drain().isEmpty(), "draining empties the ledger");
    }

    @Test
    void aFailedFlushIsRetriedWithWhatCameMeanwhile() {
        PullLedger ledger = new PullLedger();
        ledger.record("library/app", "v1", DIGEST);
        PullLedger.Batch failed = ledger.drain();
        ledger.record("library/app", "v1", DIGEST);
        ledger.restore(failed);
        assertEquals(2L, ledger.drain().counts().get("library/app"));
    }

    @Test
    void readsSeePendingPullsAtOnce() {
        PullLedger ledger = new PullLedger();
        ledger.record("library/app", "v1", DIGEST);
        ledger.record("library/app", DIGEST.toString(), DIGEST);
        assertEquals(2L, ledger.<Long>read(p -> p.count("library/app")));
        assertTrue(ledger.read(p -> p.artifactPull("library/app", DIGEST)).isPresent());
        assertTrue(ledger.read(p -> p.tagPull("library/app", "v1")).isPresent());
        assertEquals(Optional.empty(), ledger.read(p -> p.tagPull("library/app", DIGEST.toString())));
        assertEquals(0L, ledger.<Long>read(p -> p.count("library/other")));
    }

    /** A read adds pending pulls to the database's figures: a flush must not drain and commit in between. */
    @Test
    void aReadWaitsForARunningFlushSoEachPullCountsOnce() throws Exception {
        PullLedger ledger = new PullLedger();
        AtomicLong database = new AtomicLong();
        ledger.record("library/app", "v1", DIGEST);
        ledger.record("library/app", "v1", DIGEST);
        CompletableFuture<Long> duringFlush = new CompletableFuture<>();
        ledger.flush(batch -> {
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(
                    () -> ledger.read(p -> database.get() + p.count("library/app")));
            assertThrows(TimeoutException.class, () -> read.get(200, TimeUnit.MILLISECONDS),
                    "drained but not committed: the read waits");
            database.addAndGet(batch.counts().get("library/app"));
            read.whenComplete((v, e) -> duringFlush.complete(v));
        });
        assertEquals(2L, duringFlush.get(10, TimeUnit.SECONDS), "counted once, from the database");
        assertEquals(2L, ledger.<Long>read(p -> database.get() + p.count("library/app")));
    }

    @Test
    void aFailedFlushLeavesItsPullsPending() {
        PullLedger ledger = new PullLedger();
        ledger.record("library/app", "v1", DIGEST);
        assertThrows(IllegalStateException.class, () -> ledger.flush(batch -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals(1L, ledger.<Long>read(p -> p.count("library/app")));
    }

    @Test
    void theLatestOfFlushedAndPendingTimes() {
        Instant earlier = Instant.parse("2025-01-01T00:00:00Z");
        Instant later = earlier.plusSeconds(1);
        assertEquals(later, PullLedger.Pending.latest(earlier, Optional.of(later)));
        assertEquals(later, PullLedger.Pending.latest(later, Optional.of(earlier)));
        assertEquals(earlier, PullLedger.Pending.latest(null, Optional.of(earlier)));
        assertEquals(null, PullLedger.Pending.latest(null, Optional.empty()));
    }
}
