package io.berth.audit.boundary;

import io.berth.audit.entity.PurgeExecution;
import java.time.Instant;

/**
 * Harbor's {@code ExecHistory}, for purge runs and for the purge schedule: {@code id}, {@code job_name},
 * {@code job_kind}, {@code job_parameters} (a JSON string), {@code schedule}, {@code job_status}, {@code deleted},
 * {@code creation_time}, {@code update_time}.
 */
public record ExecHistoryView(long id, String jobName, String jobKind, String jobParameters, ScheduleView schedule,
        String jobStatus, boolean deleted, Instant creationTime, Instant updateTime) {

    static final String JOB_NAME = "PURGE_AUDIT";

    static ExecHistoryView of(PurgeExecution e) {
        return new ExecHistoryView(e.id(), JOB_NAME, e.trigger(), e.parameters(),
                new ScheduleView(e.scheduleType() == null ? "Manual" : e.scheduleType(), e.scheduleCron(), null),
                e.status().value(), false, e.creationTime(), e.updateTime());
    }
}
