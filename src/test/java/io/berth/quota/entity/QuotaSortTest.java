package io.berth.quota.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.quota.entity.QuotaSort.Field;
import io.berth.quota.entity.QuotaSort.Key;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaSortTest {

    @Test
    void nothingToSortByWithoutAParameter() {
        assertTrue(QuotaSort.parse(null).keys().isEmpty());
        assertTrue(QuotaSort.parse(" ").keys().isEmpty());
    }

    @Test
    void keysInOrderWithMinusForDescending() {
        assertEquals(List.of(new Key(Field.USED_STORAGE, true), new Key(Field.HARD_STORAGE, false),
                        new Key(Field.CREATION_TIME, false)),
                QuotaSort.parse("-used.storage, hard.storage,creation_time").keys());
    }

    @Test
    void anUnknownKeyIsRefusedNotIgnored() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> QuotaSort.parse("hard.count"));
        assertTrue(refused.getMessage().contains("hard.count"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QuotaSort.parse("used.storage;DROP TABLE quota"));
    }
}
