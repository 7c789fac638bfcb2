package io.berth.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.registry.entity.Digest;
import java.nio.charset.StandardCharsets;
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
}
