package io.berth.console.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.rbac.boundary.ProjectSummary;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quota bar's figures and the sizes next to it. */
class StorageQuotaTest {

    @Test
    void theBarShowsTheShareOfTheLimitAndWarnsFromNinetyPercent() {
        assertEquals(50, new StorageQuota(512, 1024).getPercent());
        assertFalse(new StorageQuota(512, 1024).isNearlyFull());
        assertTrue(new StorageQuota(950, 1000).isNearlyFull());
        assertEquals(100, new StorageQuota(5000, 1000).getPercent(), "over the limit is a full bar");
        assertEquals(0, new StorageQuota(5000, -1).getPercent());
        assertTrue(new StorageQuota(5000, -1).isUnlimited());
    }

    @Test
    void aSummaryWithoutQuotaGivesNone() {
        assertNull(StorageQuota.of(new ProjectSummary(1, null, null, null, null, null, null)));
        StorageQuota quota = StorageQuota.of(new ProjectSummary(1, null, null, null, null, null,
                new ProjectSummary.Quota(Map.of("storage", 10L), Map.of("storage", 3L))));
        assertEquals(3, quota.getUsed());
        assertEquals(10, quota.getHard());
    }

    @Test
    void sizesAreInBinaryUnitsInThePagesLanguage() {
        assertEquals("588 B", StorageQuota.format(588, Locale.ENGLISH));
        assertEquals("1.5 KiB", StorageQuota.format(1536, Locale.ENGLISH));
        assertEquals("10 GiB", StorageQuota.format(10L << 30, Locale.ENGLISH));
        assertEquals("1,5 MiB", StorageQuota.format(3L << 19, Locale.GERMAN));
        assertEquals("123.5 MiB", StorageQuota.format((long) (123.46 * (1 << 20)), Locale.ENGLISH));
    }
}
