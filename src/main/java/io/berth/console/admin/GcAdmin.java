package io.berth.console.admin;

import io.berth.console.shell.ListingModel;
import io.berth.console.shell.Texts;
import io.berth.gc.boundary.GarbageCollection;
import io.berth.gc.boundary.GcHistoryView;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.CallerContext;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.primefaces.PrimeFaces;

/**
 * Garbage collection ({@code /console/admin/gc}, Harbor's "Clean Up"): the schedule with its parameters (workers,
 * delete untagged), GC NOW and DRY RUN, and the history of runs with their outcome, their logs and a stop for the
 * one in progress. While a run is pending or running the page polls the history; the poll stops by itself once
 * nothing runs.
 * <p>
 * Every action is one call of {@link GarbageCollection} with the caller, in the same Harbor shapes the REST API
 * receives ({@code {"schedule":{...},"parameters":{...}}}), so the facade validates and authorises them alike.
 */
@Named
@ViewScoped
public class GcAdmin implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    transient GarbageCollection gc;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    private ListingModel<Run> model;
    private String scheduleType = "None";
    private String cron;
    private Instant nextRun;
    private int workers = 1;
    private boolean deleteUntagged;
    private boolean running;
    private Long logRun;
    private String logText;
    private Long stopRun;

    /** One run as the history table shows it. */
    public record Run(long id, String trigger, boolean dryRun, String status, long blobs, long manifests, long freed,
            Instant start, Instant end) implements Serializable {

        public boolean isOver() {
            return JobRuns.isFinal(status);
        }

        /** The size freed (or, for a dry run, that would be freed) in binary units. */
        public String freedText() {
            return JobRuns.bytes(freed);
        }

        static Run of(GcHistoryView view) {
            JsonObject p = JobRuns.parameters(view.jobParameters());
            boolean over = JobRuns.isFinal(view.jobStatus());
            return new Run(view.id(), view.jobKind(), JobRuns.flag(p, "dry_run"), view.jobStatus(),
                    JobRuns.number(p, "purged_blobs", 0), JobRuns.number(p, "purged_manifests", 0),
                    JobRuns.number(p, "freed_space", 0), view.creationTime(), over ? view.updateTime() : null);
        }
    }

    @PostConstruct
    void init() {
        model = new ListingModel<>(Run::id, (page, q, sort) -> {
            Listing<GcHistoryView> runs = gc.list(callers.get(), page);
            return new Listing<>(runs.items().stream().map(Run::of).toList(), runs.total());
        }, texts);
    }

    /** Reads the schedule (403 through the error page for anyone but administrators) and whether a run is going on. */
    public void load() {
        GcHistoryView schedule = gc.schedule(callers.get());
        scheduleType = schedule.schedule() == null || schedule.schedule().type() == null ? "None" : schedule.schedule().type();
        if (!JobRuns.SCHEDULE_TYPES.contains(scheduleType)) {
            scheduleType = "Custom";
        }
        cron = schedule.schedule() == null ? null : schedule.schedule().cron();
        nextRun = schedule.schedule() == null ? null : schedule.schedule().nextScheduledTime();
        JsonObject parameters = JobRuns.parameters(schedule.jobParameters());
        workers = (int) Math.max(1, Math.min(10, JobRuns.number(parameters, "workers", 1)));
        deleteUntagged = JobRuns.flag(parameters, "delete_untagged");
        refresh();
    }

    /** The poll's and the refresh button's work: whether the newest run is still pending or running. */
    public void refresh() {
        try {
            running = gc.list(callers.get(), new PageRequest(1, 1)).items().stream()
                    .anyMatch(run -> !JobRuns.isFinal(run.jobStatus()));
        } catch (ApiException e) {
            running = false;
            texts.refused(e);
        }
    }

    /** Stores the schedule ({@code None} removes it) with the workers and the untagged choice. */
    public void saveSchedule() {
        JsonObjectBuilder schedule = Json.createObjectBuilder().add("type", scheduleType);
        if ("Custom".equals(scheduleType)) {
            schedule.add("cron", cron == null ? "" : cron.strip());
        }
        try {
            gc.update(callers.get(), Json.createObjectBuilder().add("schedule", schedule)
                    .add("parameters", parameters(false)).build());
            texts.info("jobs.schedule.saved");
            nextRun = gc.schedule(callers.get()).schedule().nextScheduledTime();
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    /** GC NOW ({@code dryRun} false) or DRY RUN: starts a run with the chosen workers and untagged choice. */
    public void start(boolean dryRun) {
        try {
            Optional<Long> id = gc.create(callers.get(), Json.createObjectBuilder()
                    .add("schedule", Json.createObjectBuilder().add("type", "Manual"))
                    .add("parameters", parameters(dryRun)).build());
            texts.info(dryRun ? "jobs.gc.dryRunStarted" : "jobs.gc.started", id.orElse(0L));
            running = true;
            PrimeFaces.current().ajax().addCallbackParam("started", true);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    private JsonObject parameters(boolean dryRun) {
        return Json.createObjectBuilder().add("dry_run", dryRun).add("delete_untagged", deleteUntagged)
                .add("workers", workers).build();
    }

    /** Loads a run's log for the log dialog. */
    public void showLog(long id) {
        logRun = id;
        try {
            logText = gc.log(callers.get(), id);
        } catch (ApiException e) {
            logText = "";
            texts.refused(e);
        }
    }

    /** Remembers which run the stop confirmation is about. */
    public void askStop(long id) {
        stopRun = id;
    }

    /** Asks the run to stop; it ends as Stopped after the batch in hand. */
    public void stop() {
        if (stopRun == null) {
            return;
        }
        try {
            gc.stop(callers.get(), stopRun);
            texts.info("jobs.stopRequested", stopRun);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    public List<Integer> getWorkerChoices() {
        return IntStream.rangeClosed(1, 10).boxed().toList();
    }

    public List<String> getScheduleTypes() {
        return JobRuns.SCHEDULE_TYPES;
    }

    public ListingModel<Run> getModel() {
        return model;
    }

    public boolean isRunning() {
        return running;
    }

    public String getScheduleType() {
        return scheduleType;
    }

    public void setScheduleType(String scheduleType) {
        this.scheduleType = JobRuns.SCHEDULE_TYPES.contains(scheduleType) ? scheduleType : "None";
    }

    public boolean isCustom() {
        return "Custom".equals(scheduleType);
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public Instant getNextRun() {
        return nextRun;
    }

    public int getWorkers() {
        return workers;
    }

    public void setWorkers(int workers) {
        this.workers = workers;
    }

    public boolean isDeleteUntagged() {
        return deleteUntagged;
    }

    public void setDeleteUntagged(boolean deleteUntagged) {
        this.deleteUntagged = deleteUntagged;
    }

    public Long getLogRun() {
        return logRun;
    }

    public String getLogText() {
        return logText;
    }

    public Long getStopRun() {
        return stopRun;
    }
}
