package io.berth.gc.boundary;

import io.berth.gc.entity.GcExecution;
import io.berth.gc.entity.GcResult;
import io.berth.gc.entity.GcTrigger;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Map;

/**
 * Harbor's {@code GCHistory}. As in Harbor 2.8 and later, {@code job_parameters} is a JSON string holding the
 * parameters and the outcome ({@code purged_blobs}, {@code purged_manifests}, {@code freed_space} in bytes), to
 * which Berth adds {@code deleted_artifacts}, {@code purged_uploads}, {@code mark_seconds} and {@code sweep_seconds}.
 */
public record GcHistoryView(Long id, String jobName, String jobKind, String jobParameters, ScheduleObj schedule,
        String jobStatus, boolean deleted, Instant creationTime, Instant updateTime) {

    static final String JOB_NAME = "GARBAGE_COLLECTION";

    static GcHistoryView of(GcExecution execution) {
        GcResult result = execution.result();
        JsonObjectBuilder parameters = Json.createObjectBuilder(execution.parameters().toJson())
                .add("purged_blobs", result.blobs())
                .add("purged_manifests", result.manifests())
                .add("freed_space", result.bytes())
                .add("deleted_artifacts", result.artifacts())
                .add("purged_uploads", result.uploads())
                .add("mark_seconds", result.markMillis() / 1000.0)
                .add("sweep_seconds", result.sweepMillis() / 1000.0);
        String type = execution.trigger() == GcTrigger.MANUAL ? "Manual" : "Schedule";
        return new GcHistoryView(execution.id(), JOB_NAME, execution.trigger().name(), parameters.build().toString(),
                new ScheduleObj(type, null, null), execution.status().wireName(), false,
                execution.creationTime(), execution.updateTime());
    }

    /** The schedule as {@code GET /system/gc/schedule} shows it, in the same shape. */
    static GcHistoryView ofSchedule(ScheduleObj schedule, String parameters, Instant created, Instant updated) {
        return new GcHistoryView(null, JOB_NAME, GcTrigger.SCHEDULE.name(),
                parameters == null ? Json.createObjectBuilder(Map.of()).build().toString() : parameters,
                schedule, null, false, created, updated);
    }
}
