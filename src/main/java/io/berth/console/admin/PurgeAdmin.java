package io.berth.console.admin;

import io.berth.audit.boundary.ExecHistoryView;
import io.berth.audit.boundary.Purges;
import io.berth.console.shell.ListingModel;
import io.berth.console.shell.Texts;
import io.berth.events.EventTypes;
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
import jakarta.json.JsonString;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Log rotation ({@code /console/admin/purge}): how long audit entries are kept and which event types are purged,
 * the schedule, PURGE NOW and DRY RUN, and the history of purges with their logs and a stop for the one in
 * progress; the history refreshes itself while a purge runs. Every action is one call of {@link Purges} with the
 * caller and Harbor's {@code Schedule} body, exactly as {@code /api/v2.0/system/purgeaudit} receives it.
 */
@Named
@ViewScoped
public class PurgeAdmin implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final int HOURS_PER_DAY = 24;

    @Inject
    transient Purges purges;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    private ListingModel<Run> model;
    private String scheduleType = "None";
    private String cron;
    private Instant nextRun;
    private int retention = 30;
    private String retentionUnit = "days";
    private List<String> eventTypes = new ArrayList<>(EventTypes.ALL);
    private boolean running;
    private Long logRun;
    private String logText;
    private Long stopRun;

    /** One purge as the history shows it. */
    public record Run(long id, String trigger, boolean dryRun, String status, long retentionHours, int eventTypeCount,
            Instant start, Instant end) implements Serializable {

        public boolean isOver() {
            return JobRuns.isFinal(status);
        }

        static Run of(ExecHistoryView view) {
            JsonObject p = JobRuns.parameters(view.jobParameters());
            String types = p.get("include_event_types") instanceof JsonString s ? s.getString() : "";
            return new Run(view.id(), view.jobKind(), JobRuns.flag(p, "dry_run"), view.jobStatus(),
                    JobRuns.number(p, "audit_retention_hour", 0), EventTypes.parseList(types).size(),
                    view.creationTime(), JobRuns.isFinal(view.jobStatus()) ? view.updateTime() : null);
        }
    }

    @PostConstruct
    void init() {
        model = new ListingModel<>(Run::id, (page, q, sort) -> {
            Listing<ExecHistoryView> runs = purges.history(callers.get(), page, q, sort);
            return new Listing<>(runs.items().stream().map(Run::of).toList(), runs.total());
        }, texts);
    }

    /** Reads the schedule and its parameters (403 through the error page for anyone but administrators). */
    public void load() {
        ExecHistoryView schedule = purges.schedule(callers.get());
        scheduleType = schedule.schedule() == null ? "None" : schedule.schedule().type();
        if (!JobRuns.SCHEDULE_TYPES.contains(scheduleType)) {
            scheduleType = "Custom";
        }
        cron = schedule.schedule() == null ? null : schedule.schedule().cron();
        nextRun = schedule.schedule() == null ? null : schedule.schedule().nextScheduledTime();
        JsonObject parameters = JobRuns.parameters(schedule.jobParameters());
        long hours = JobRuns.number(parameters, "audit_retention_hour", -1);
        if (hours > 0) {
            boolean days = hours % HOURS_PER_DAY == 0;
            retentionUnit = days ? "days" : "hours";
            retention = (int) (days ? hours / HOURS_PER_DAY : hours);
        }
        if (parameters.get("include_event_types") instanceof JsonString types && !types.getString().isBlank()) {
            eventTypes = new ArrayList<>(EventTypes.parseList(types.getString()));
        }
        refresh();
    }

    /** The poll's work: whether the newest purge is still pending or running. */
    public void refresh() {
        try {
            running = purges.history(callers.get(), new PageRequest(1, 1), null, null).items().stream()
                    .anyMatch(run -> !JobRuns.isFinal(run.jobStatus()));
        } catch (ApiException e) {
            running = false;
            texts.refused(e);
        }
    }

    /** Stores the schedule ({@code None} removes it) with the retention and the event types. */
    public void saveSchedule() {
        JsonObjectBuilder schedule = Json.createObjectBuilder().add("type", scheduleType);
        if ("Custom".equals(scheduleType)) {
            schedule.add("cron", cron == null ? "" : cron.strip());
        }
        try {
            purges.setSchedule(callers.get(), Json.createObjectBuilder().add("schedule", schedule)
                    .add("parameters", parameters(false)).build(), false);
            texts.info("jobs.schedule.saved");
            nextRun = purges.schedule(callers.get()).schedule().nextScheduledTime();
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    /** PURGE NOW ({@code dryRun} false) or DRY RUN with the retention and event types on the page. */
    public void start(boolean dryRun) {
        try {
            Long id = purges.setSchedule(callers.get(), Json.createObjectBuilder()
                    .add("schedule", Json.createObjectBuilder().add("type", "Manual"))
                    .add("parameters", parameters(dryRun)).build(), true);
            texts.info(dryRun ? "jobs.purge.dryRunStarted" : "jobs.purge.started", id == null ? 0L : id);
            running = true;
            PrimeFaces.current().ajax().addCallbackParam("started", true);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    private JsonObject parameters(boolean dryRun) {
        long hours = "days".equals(retentionUnit) ? (long) retention * HOURS_PER_DAY : retention;
        return Json.createObjectBuilder()
                .add("audit_retention_hour", hours)
                .add("include_event_types", String.join(",", eventTypes))
                .add("dry_run", dryRun).build();
    }

    public void showLog(long id) {
        logRun = id;
        try {
            logText = purges.log(callers.get(), id);
        } catch (ApiException e) {
            logText = "";
            texts.refused(e);
        }
    }

    public void askStop(long id) {
        stopRun = id;
    }

    public void stop() {
        if (stopRun == null) {
            return;
        }
        try {
            purges.stop(callers.get(), stopRun);
            texts.info("jobs.stopRequested", stopRun);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    public List<String> getAllEventTypes() {
        return EventTypes.ALL;
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

    public int getRetention() {
        return retention;
    }

    public void setRetention(int retention) {
        this.retention = retention;
    }

    public String getRetentionUnit() {
        return retentionUnit;
    }

    public void setRetentionUnit(String retentionUnit) {
        this.retentionUnit = "hours".equals(retentionUnit) ? "hours" : "days";
    }

    public List<String> getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(List<String> eventTypes) {
        this.eventTypes = eventTypes == null ? new ArrayList<>() : new ArrayList<>(eventTypes);
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
