package io.berth.gc.entity;

/** What started a run: Harbor's {@code job_kind} values. */
public enum GcTrigger {
    MANUAL,
    SCHEDULE
}
