package io.berth.jobs.entity;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;

/**
 * A cron expression as Harbor writes them: six fields, seconds first ({@code "0 0 * * * *"} is hourly).
 * <pre>
 *   second minute hour day-of-month month day-of-week
 *   each: *  ?  n  a-b  a,b,c  *&#47;n  a/n  a-b/n      (day-of-week 0-7, 0 and 7 are Sunday)
 * </pre>
 * As in the cron library Harbor uses, when both day fields are restricted a day matching either one matches;
 * when one is {@code *}, the other alone decides.
 */
public final class CronExpression {

    private final String text;
    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronExpression(String text, String[] fields) {
        this.text = text;
        seconds = field(fields[0], 0, 59, "second");
        minutes = field(fields[1], 0, 59, "minute");
        hours = field(fields[2], 0, 23, "hour");
        daysOfMonth = field(fields[3], 1, 31, "day of month");
        months = field(fields[4], 1, 12, "month");
        daysOfWeek = field(fields[5], 0, 7, "day of week");
        if (daysOfWeek.get(7)) {
            daysOfWeek.set(0);
        }
        anyDayOfMonth = isAny(fields[3]);
        anyDayOfWeek = isAny(fields[5]);
    }

    /** Parses six space-separated fields; {@link IllegalArgumentException} with a readable reason otherwise. */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a cron expression is required");
        }
        String[] fields = text.strip().split("\\s+");
        if (fields.length != 6) {
            throw new IllegalArgumentException("a cron expression has 6 fields (second minute hour day month weekday), not "
                    + fields.length + ": " + text);
        }
        return new CronExpression(text.strip(), fields);
    }

    /** The first time strictly after {@code after} that matches, at whole seconds. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        ZonedDateTime limit = after.plusYears(5);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            } else if (!seconds.get(t.getSecond())) {
                t = t.plusSeconds(1);
            } else {
                return t;
            }
        }
        throw new IllegalArgumentException("cron expression " + text + " never matches");
    }

    /**
     * Whether the schedule fires at some second of the minute of {@code time}: for callers that check once a
     * minute (the audit purge's timer).
     */
    public boolean matchesMinute(ZonedDateTime time) {
        return months.get(time.getMonthValue()) && dayMatches(time) && hours.get(time.getHour())
                && minutes.get(time.getMinute()) && !seconds.isEmpty();
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
        if (anyDayOfMonth || anyDayOfWeek) {
            return dom && dow;
        }
        return dom || dow;
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean isAny(String field) {
        return field.equals("*") || field.equals("?");
    }

    private static BitSet field(String field, int min, int max, String name) {
        BitSet bits = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), 1, max, name);
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw invalid(name, part);
                }
                from = number(ends[0], min, max, name);
                to = number(ends[1], min, max, name);
                if (from > to) {
                    throw invalid(name, part);
                }
            } else {
                from = number(range, min, max, name);
                to = slash >= 0 ? max : from;
            }
            for (int i = from; i <= to; i += step) {
                bits.set(i);
            }
        }
        return bits;
    }

    private static int number(String text, int min, int max, String name) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %d is outside %d-%d", name, value, min, max));
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(name, text);
        }
    }

    private static IllegalArgumentException invalid(String name, String part) {
        return new IllegalArgumentException("invalid " + name + " field in cron expression: " + part);
    }
}
