package io.berth.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One purge run (Harbor's {@code ExecHistory}): how it was triggered, its parameters as JSON, its status
 * ({@link PurgeStatus}), how many entries it removed (or would have, in a dry run) and its log.
 */
@Entity
@Table(name = "audit_purge_execution")
@NamedQuery(name = PurgeExecution.CLAIM, query = "UPDATE PurgeExecution e SET e.status = :running, e.node = :node,"
        + " e.updateTime = :now WHERE e.id = :id AND e.status = :pending AND e.stopRequested = FALSE")
@NamedQuery(name = PurgeExecution.REQUEST_STOP, query = "UPDATE PurgeExecution e SET e.stopRequested = TRUE,"
        + " e.updateTime = :now WHERE e.id = :id")
public class PurgeExecution {

    public static final String CLAIM = "PurgeExecution.claim";
    public static final String REQUEST_STOP = "PurgeExecution.requestStop";
    public static final String MANUAL = "MANUAL";
    public static final String SCHEDULE = "SCHEDULE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trigger_kind", nullable = false)
    private String trigger;

    @Enumerated(EnumType.STRING)
    @Column(name = "job_status", nullable = false)
    private PurgeStatus status;

    @Column(name = "job_parameters", nullable = false)
    private String parameters;

    @Column(name = "schedule_type")
    private String scheduleType;

    @Column(name = "schedule_cron")
    private String scheduleCron;

    @Column(name = "stop_requested", nullable = false)
    private boolean stopRequested;

    @Column(name = "node")
    private String node;

    @Column(name = "purged", nullable = false)
    private long purged;

    @Column(name = "job_log")
    private String log;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    protected PurgeExecution() {
    }

    public PurgeExecution(String trigger, String parameters, String scheduleType, String scheduleCron, Instant now) {
        this.trigger = trigger;
        this.status = PurgeStatus.PENDING;
        this.parameters = parameters;
        this.scheduleType = scheduleType;
        this.scheduleCron = scheduleCron;
        this.log = "";
        this.creationTime = now;
        this.updateTime = now;
    }

    /** Ends the run in a final state with what it did. */
    public void finish(PurgeStatus end, long purgedEntries, String logText, Instant now) {
        this.status = end;
        this.purged = purgedEntries;
        this.log = logText;
        this.updateTime = now;
    }

    public long id() {
        return id;
    }

    public String trigger() {
        return trigger;
    }

    public PurgeStatus status() {
        return status;
    }

    public String parameters() {
        return parameters;
    }

    public String scheduleType() {
        return scheduleType;
    }

    public String scheduleCron() {
        return scheduleCron;
    }

    /** The node that ran (or runs) it; null while Pending. */
    public String node() {
        return node;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    public long purged() {
        return purged;
    }

    public String log() {
        return log == null ? "" : log;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant updateTime() {
        return updateTime;
    }
}
