package io.berth.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The purge schedule (one row, {@link #ID}): Harbor's schedule type and cron and the job parameters. The row is
 * also the cluster's purge lock; its named updates are the conditional claims that keep nodes apart.
 */
@Entity
@Table(name = "audit_purge_schedule")
@NamedQuery(name = PurgeSchedule.CLAIM_MINUTE, query = "UPDATE PurgeSchedule s SET s.lastFired = :minute"
        + " WHERE s.id = 1 AND (s.lastFired IS NULL OR s.lastFired < :minute)")
@NamedQuery(name = PurgeSchedule.LOCK, query = "UPDATE PurgeSchedule s SET s.runningId = :id, s.runningSince = :now"
        + " WHERE s.id = 1 AND (s.runningId IS NULL OR s.runningSince < :stale)")
@NamedQuery(name = PurgeSchedule.UNLOCK, query = "UPDATE PurgeSchedule s SET s.runningId = NULL, s.runningSince = NULL"
        + " WHERE s.id = 1 AND s.runningId = :id")
public class PurgeSchedule {

    public static final long ID = 1;
    public static final String CLAIM_MINUTE = "PurgeSchedule.claimMinute";
    public static final String LOCK = "PurgeSchedule.lock";
    public static final String UNLOCK = "PurgeSchedule.unlock";

    @Id
    private Long id;

    @Column(name = "schedule_type", nullable = false)
    private String type;

    @Column(name = "schedule_cron")
    private String cron;

    @Column(name = "job_parameters", nullable = false)
    private String parameters;

    @Column(name = "last_fired")
    private Instant lastFired;

    @Column(name = "running_id")
    private Long runningId;

    @Column(name = "running_since")
    private Instant runningSince;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    protected PurgeSchedule() {
    }

    public void set(String scheduleType, String scheduleCron, String jobParameters, Instant now) {
        this.type = scheduleType;
        this.cron = scheduleCron;
        this.parameters = jobParameters;
        this.updateTime = now;
    }

    public String type() {
        return type;
    }

    public String cron() {
        return cron;
    }

    public String parameters() {
        return parameters;
    }

    public Long runningId() {
        return runningId;
    }

    public Instant runningSince() {
        return runningSince;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant updateTime() {
        return updateTime;
    }
}
