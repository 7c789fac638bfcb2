package io.berth.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class BlobStatusTest {

    @Test
    void harborsTransitions() {
        assertTrue(BlobStatus.NONE.canBecome(BlobStatus.DELETE), "mark");
        assertTrue(BlobStatus.DELETE.canBecome(BlobStatus.NONE), "touch");
        assertTrue(BlobStatus.DELETE.canBecome(BlobStatus.DELETING), "sweep");
        assertTrue(BlobStatus.DELETING.canBecome(BlobStatus.DELETE_FAILED), "store refused");
        assertTrue(BlobStatus.DELETE_FAILED.canBecome(BlobStatus.DELETING), "retried by the next sweep");
        assertFalse(BlobStatus.NONE.canBecome(BlobStatus.DELETING), "never deleted without being marked");
        assertFalse(BlobStatus.DELETING.canBecome(BlobStatus.NONE), "a touch comes too late once bytes are going");
    }

    @Test
    void whereClausesOfTheConditionalUpdates() {
        assertEquals(EnumSet.of(BlobStatus.DELETE, BlobStatus.DELETE_FAILED), BlobStatus.before(BlobStatus.DELETING));
        assertEquals(EnumSet.of(BlobStatus.NONE, BlobStatus.DELETE, BlobStatus.DELETE_FAILED), BlobStatus.before(BlobStatus.NONE));
    }

    @Test
    void onlyBlobsNotBeingDeletedAreServed() {
        assertTrue(BlobStatus.NONE.isUsable());
        assertTrue(BlobStatus.DELETE.isUsable());
        assertFalse(BlobStatus.DELETING.isUsable());
        assertFalse(BlobStatus.DELETE_FAILED.isUsable());
    }
}
