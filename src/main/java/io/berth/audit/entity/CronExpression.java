package io.berth.audit.entity;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A cron expression as Harbor's schedules write them: six fields, {@code second minute hour day-of-month month
 * day-of-week} ({@code 0 0 * * * *} is hourly), or the classic five without seconds. Each field takes {@code *},
 * numbers, ranges {@code a-b}, lists {@code a,b} and steps {@code *}{@code /n} or {@code a-b/n}; day of week 0 or
 * 7 is Sunday, and {@code ?} counts as {@code *}. Berth's timer looks once a minute, so the seconds field is
 * checked but not used: a schedule fires in each minute it names. Times are UTC.
 * <pre>
 * CronExpression.parse("0 30 2 * * 0").matches(now)   // Sundays 02:30
 * </pre>
 */
public final class CronExpression {

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean anyDay;
    private final boolean anyWeekday;

    private CronExpression(String text, String[] f) {
        this.text = text;
        minutes = field(f[0], 0, 59, "minute");
        hours = field(f[1], 0, 23, "hour");
        days = field(f[2], 1, 31, "day of month");
        months = field(f[3], 1, 12, "month");
        BitSet dow = field(f[4], 0, 7, "day of week");
        if (dow.get(7)) {
            dow.set(0);
        }
        weekdays = dow;
        anyDay = isAny(f[2]);
        anyWeekday = isAny(f[4]);
    }

    /** @throws IllegalArgumentException with a message naming the field that is wrong */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank() || text.length() > 64) {
            throw new IllegalArgumentException("a cron expression is required (at most 64 characters)");
        }
        String[] fields = text.strip().split("\\s+");
        if (fields.length == 6) {
            field(fields[0], 0, 59, "second");
            return new CronExpression(text.strip(), new String[] {fields[1], fields[2], fields[3], fields[4], fields[5]});
        }
        if (fields.length == 5) {
            return new CronExpression(text.strip(), fields);
        }
        throw new IllegalArgumentException("a cron expression has six fields: second minute hour day month weekday");
    }

    /** Whether the schedule fires in the minute of {@code time}. */
    public boolean matches(ZonedDateTime time) {
        if (!minutes.get(time.getMinute()) || !hours.get(time.getHour()) || !months.get(time.getMonthValue())) {
            return false;
        }
        boolean day = days.get(time.getDayOfMonth());
        boolean weekday = weekdays.get(time.getDayOfWeek().getValue() % 7);
        // As cron: when both day fields are restricted, either may match.
        if (anyDay || anyWeekday) {
            return day && weekday;
        }
        return day || weekday;
    }

    /** The first minute after {@code time} in which the schedule fires, looking at most a year ahead; else null. */
    public ZonedDateTime next(ZonedDateTime time) {
        ZonedDateTime t = time.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        for (int i = 0; i < 366 * 24 * 60; i++, t = t.plusMinutes(1)) {
            if (matches(t)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean isAny(String field) {
        return "*".equals(field) || "?".equals(field);
    }

    private static BitSet field(String field, int min, int max, String name) {
        BitSet bits = new BitSet(max + 1);
        for (String part : field.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), 1, max, name);
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if ("*".equals(range) || "?".equals(range)) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = number(ends[0], min, max, name);
                to = number(ends[1], min, max, name);
                if (from > to) {
                    throw new IllegalArgumentException("the " + name + " range " + range + " runs backwards");
                }
            } else {
                from = number(range, min, max, name);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String text, int min, int max, String name) {
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw new IllegalArgumentException("the " + name + " field must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the " + name + " field of the cron expression is not valid: " + text);
        }
    }
}
