package io.berth.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

    private static ZonedDateTime at(String iso) {
        return ZonedDateTime.parse(iso);
    }

    @Test
    void harborsSchedules() {
        CronExpression hourly = CronExpression.parse("0 0 * * * *");
        assertTrue(hourly.matches(at("2024-05-01T10:00:00Z")));
        assertFalse(hourly.matches(at("2024-05-01T10:01:00Z")));
        CronExpression weekly = CronExpression.parse("0 0 0 * * 0");
        assertTrue(weekly.matches(at("2024-05-05T00:00:00Z")), "a Sunday");
        assertFalse(weekly.matches(at("2024-05-06T00:00:00Z")));
        assertEquals(at("2024-05-02T03:30:00Z"), CronExpression.parse("0 30 3 * * *").next(at("2024-05-01T03:30:00Z")));
    }

    @Test
    void listsRangesStepsAndFiveFields() {
        CronExpression c = CronExpression.parse("*/15 9-17 * * 1-5");
        assertTrue(c.matches(at("2024-05-01T09:45:00Z")));
        assertFalse(c.matches(at("2024-05-01T18:00:00Z")));
        assertFalse(c.matches(at("2024-05-04T10:00:00Z")), "a Saturday");
        assertTrue(CronExpression.parse("0 0 12 1,15 * 7").matches(at("2024-05-15T12:00:00Z")), "either day field");
    }

    @Test
    void refusesNonsense() {
        for (String bad : List.of("", "* * *", "61 * * * * *", "0 60 * * * *", "0 0 25 * * *", "0 0 0 0 * *",
                "0 0 0 * 13 *", "0 0 0 * * 8", "0 5-1 * * * *", "a b c d e f", "0 */0 * * * *")) {
            assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(bad), bad);
        }
    }
}
