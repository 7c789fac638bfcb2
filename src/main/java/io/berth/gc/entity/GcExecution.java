package io.berth.gc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One garbage-collection run: what was asked, where it stands, and what it freed. */
@Entity
@Table(name = "gc_execution")
public class GcExecution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false)
    private GcTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GcStatus status;

    @Column(name = "dry_run", nullable = false)
    private boolean dryRun;

    @Column(name = "delete_untagged", nullable = false)
    private boolean deleteUntagged;

    @Column(nullable = false)
    private int workers;

    @Column(name = "time_window_seconds", nullable = false)
    private long timeWindowSeconds;

    @Column(name = "stop_requested", nullable = false)
    private boolean stopRequested;

    private String node;

    @Column(name = "blobs_deleted", nullable = false)
    private long blobsDeleted;

    @Column(name = "manifests_deleted", nullable = false)
    private long manifestsDeleted;

    @Column(name = "artifacts_deleted", nullable = false)
    private long artifactsDeleted;

    @Column(name = "uploads_purged", nullable = false)
    private long uploadsPurged;

    @Column(name = "bytes_freed", nullable = false)
    private long bytesFreed;

    @Column(name = "mark_millis", nullable = false)
    private long markMillis;

    @Column(name = "sweep_millis", nullable = false)
    private long sweepMillis;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    @Column(name = "start_time")
    private Instant startTime;

    @Column(name = "end_time")
    private Instant endTime;

    protected GcExecution() {
    }

    public GcExecution(GcTrigger trigger, GcParameters parameters, Duration timeWindow, String node, Instant now) {
        this.trigger = trigger;
        this.status = GcStatus.PENDING;
        this.dryRun = parameters.dryRun();
        this.deleteUntagged = parameters.deleteUntagged();
        this.workers = parameters.workers();
        this.timeWindowSeconds = timeWindow.toSeconds();
        this.node = node;
        this.creationTime = now;
        this.updateTime = now;
    }

    public void started(Instant now) {
        status = GcStatus.RUNNING;
        startTime = now;
        updateTime = now;
    }

    /** Ends the run; a run already final keeps its status (a stop or an error recorded meanwhile wins). */
    public void finished(GcStatus outcome, GcResult result, Instant now) {
        if (!status.isFinal()) {
            status = outcome;
        }
        blobsDeleted = result.blobs();
        manifestsDeleted = result.manifests();
        artifactsDeleted = result.artifacts();
        uploadsPurged = result.uploads();
        bytesFreed = result.bytes();
        markMillis = result.markMillis();
        sweepMillis = result.sweepMillis();
        endTime = now;
        updateTime = now;
    }

    /** Marks a run whose node stopped renewing its claim as failed. */
    public void abandoned(Instant now) {
        if (!status.isFinal()) {
            status = GcStatus.ERROR;
            endTime = now;
            updateTime = now;
        }
    }

    public void requestStop(Instant now) {
        stopRequested = true;
        updateTime = now;
    }

    public Long id() {
        return id;
    }

    public GcTrigger trigger() {
        return trigger;
    }

    public GcStatus status() {
        return status;
    }

    public GcParameters parameters() {
        return new GcParameters(dryRun, deleteUntagged, workers, timeWindow());
    }

    /** The grace window this run uses: blobs and untagged artifacts younger than this are left alone. */
    public Duration timeWindow() {
        return Duration.ofSeconds(timeWindowSeconds);
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    public String node() {
        return node;
    }

    public GcResult result() {
        return new GcResult(blobsDeleted, manifestsDeleted, artifactsDeleted, uploadsPurged, bytesFreed, markMillis, sweepMillis);
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant updateTime() {
        return updateTime;
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant endTime() {
        return endTime;
    }
}
