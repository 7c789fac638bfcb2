package io.berth.audit.boundary;

import java.time.Instant;

/** Harbor's {@code ScheduleObj}: {@code type}, {@code cron} and {@code next_scheduled_time}. */
public record ScheduleView(String type, String cron, Instant nextScheduledTime) {
}
