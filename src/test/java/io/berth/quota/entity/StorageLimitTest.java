package io.berth.quota.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StorageLimitTest {

    @Test
    void aLimitIsAPositiveNumberOfBytesOrMinusOne() {
        assertEquals(1, new StorageLimit(1).bytes());
        assertTrue(new StorageLimit(-1).isUnlimited());
        assertThrows(IllegalArgumentException.class, () -> new StorageLimit(0));
        assertThrows(IllegalArgumentException.class, () -> new StorageLimit(-2));
        assertThrows(IllegalArgumentException.class, () -> new StorageLimit(Long.MIN_VALUE));
    }

    @Test
    void bytesFitUpToTheLimitInclusive() {
        StorageLimit tenBytes = new StorageLimit(10);
        assertTrue(tenBytes.fits(4, 6));
        assertFalse(tenBytes.fits(4, 7));
        assertFalse(tenBytes.fits(11, 0) && tenBytes.fits(11, 1), "over the limit already");
        assertTrue(StorageLimit.unlimited().fits(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2));
    }
}
