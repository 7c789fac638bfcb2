package io.berth.jobs.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Harbor's schedule types ({@code ScheduleObj.type}) with the cron each fixed type stands for. {@code Manual}
 * means "run now" and is never stored; {@code None} means no schedule.
 */
public enum ScheduleType {
    NONE("None", null),
    HOURLY("Hourly", "0 0 * * * *"),
    DAILY("Daily", "0 0 0 * * *"),
    WEEKLY("Weekly", "0 0 0 * * 0"),
    CUSTOM("Custom", null),
    /** Harbor's other spelling of a cron-driven schedule. */
    SCHEDULE("Schedule", null),
    MANUAL("Manual", null);

    private final String wireName;
    private final String fixedCron;

    ScheduleType(String wireName, String fixedCron) {
        this.wireName = wireName;
        this.fixedCron = fixedCron;
    }

    public String wireName() {
        return wireName;
    }

    /** The cron of a fixed type, or the given one for Custom/Schedule; empty for None and Manual. */
    public Optional<String> cron(String given) {
        return switch (this) {
            case HOURLY, DAILY, WEEKLY -> Optional.of(fixedCron);
            case CUSTOM, SCHEDULE -> Optional.ofNullable(given);
            case NONE, MANUAL -> Optional.empty();
        };
    }

    public static Optional<ScheduleType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
