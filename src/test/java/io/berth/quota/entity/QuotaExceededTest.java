package io.berth.quota.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuotaExceededTest {

    @Test
    void sizesReadAsHarborShowsThem() {
        assertEquals("0 B", QuotaExceeded.displaySize(0));
        assertEquals("1023 B", QuotaExceeded.displaySize(1023));
        assertEquals("1.0 KiB", QuotaExceeded.displaySize(1024));
        assertEquals("1.5 KiB", QuotaExceeded.displaySize(1536));
        assertEquals("1.2 MiB", QuotaExceeded.displaySize(1_258_291));
        assertEquals("10.0 GiB", QuotaExceeded.displaySize(10L * 1024 * 1024 * 1024));
        assertEquals("8.0 EiB", QuotaExceeded.displaySize(Long.MAX_VALUE));
    }

    @Test
    void theMessageSaysWhatWasAddedToWhatAgainstWhichLimit() {
        assertEquals("Quota exceeded when processing the request of adding 1.5 KiB of storage resource, which when"
                + " updated to current usage of 9.0 KiB will exceed the configured upper limit of 10.0 KiB.",
                new QuotaExceeded(1536, 9216, 10240).message());
    }
}
