package io.berth.jobs.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

    private static final ZonedDateTime T = ZonedDateTime.of(2026, 3, 14, 10, 17, 42, 500_000_000, ZoneOffset.UTC);

    @Test
    void harborsFixedSchedules() {
        assertEquals(T.withMinute(0).withSecond(0).withNano(0).plusHours(1), next(ScheduleType.HOURLY.cron(null).get()));
        assertEquals(ZonedDateTime.of(2026, 3, 15, 0, 0, 0, 0, ZoneOffset.UTC), next(ScheduleType.DAILY.cron(null).get()));
        assertEquals(ZonedDateTime.of(2026, 3, 15, 0, 0, 0, 0, ZoneOffset.UTC), next(ScheduleType.WEEKLY.cron(null).get()),
                "14 March 2026 is a Saturday, so the next Sunday is the 15th");
    }

    @Test
    void stepsRangesAndLists() {
        assertEquals(T.withSecond(45).withNano(0), next("*/5 * * * * *"));
        assertEquals(ZonedDateTime.of(2026, 3, 14, 12, 30, 0, 0, ZoneOffset.UTC), next("0 30 12-14 * * *"));
        assertEquals(ZonedDateTime.of(2026, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC), next("0 0 0 1 4,10 ?"));
        assertEquals(ZonedDateTime.of(2026, 3, 16, 3, 0, 0, 0, ZoneOffset.UTC), next("0 0 3 * * 1-5"));
    }

    @Test
    void bothDayFieldsRestrictedMeansEither() {
        // The 20th, or any Monday: Monday the 16th comes first.
        assertEquals(ZonedDateTime.of(2026, 3, 16, 0, 0, 0, 0, ZoneOffset.UTC), next("0 0 0 20 * 1"));
    }

    @Test
    void strictlyAfter() {
        ZonedDateTime exact = ZonedDateTime.of(2026, 3, 14, 0, 0, 0, 0, ZoneOffset.UTC);
        assertEquals(exact.plusDays(1), CronExpression.parse("0 0 0 * * *").next(exact));
    }

    @Test
    void refusesWhatIsNotASixFieldCron() {
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("* * * * *"));
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("60 * * * * *"));
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("a * * * * *"));
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 5-1 * * * *"));
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(""));
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 0 31 2 *").next(T));
    }

    private static ZonedDateTime next(String cron) {
        return CronExpression.parse(cron).next(T);
    }

    @Test
    void matchesTheMinutesItFiresIn() {
        CronExpression hourly = CronExpression.parse("0 0 * * * *");
        assertTrue(hourly.matchesMinute(ZonedDateTime.parse("2024-05-01T10:00:30Z")));
        assertFalse(hourly.matchesMinute(ZonedDateTime.parse("2024-05-01T10:01:00Z")));
        CronExpression weekly = CronExpression.parse("0 0 0 * * 0");
        assertTrue(weekly.matchesMinute(ZonedDateTime.parse("2024-05-05T00:00:00Z")), "a Sunday");
        assertFalse(weekly.matchesMinute(ZonedDateTime.parse("2024-05-06T00:00:00Z")));
        assertTrue(CronExpression.parse("0 0 12 1,15 * 7").matchesMinute(ZonedDateTime.parse("2024-05-15T12:00:00Z")),
                "either day field when both are restricted");
    }
}
