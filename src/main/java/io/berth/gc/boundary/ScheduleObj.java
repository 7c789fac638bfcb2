package io.berth.gc.boundary;

import java.time.Instant;

/** Harbor's {@code ScheduleObj}: {@code type} (Hourly, Daily, Weekly, Custom, Manual, None), {@code cron}, next run. */
public record ScheduleObj(String type, String cron, Instant nextScheduledTime) {
}
