package io.berth.audit.boundary;

import io.berth.audit.control.PurgeParameters;
import io.berth.audit.control.PurgeRunner;
import io.berth.audit.control.PurgeSteps;
import io.berth.jobs.entity.CronExpression;
import io.berth.audit.entity.PurgeExecution;
import io.berth.audit.entity.PurgeSchedule;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.boundary.Listing;
import io.berth.rbac.control.AccessEvaluator;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Purging the audit trail as Harbor's {@code /system/purgeaudit}: the schedule (Hourly, Daily, Weekly, Custom cron,
 * None; Manual runs at once), the history of runs, one run, its log, and stopping it. System administrators (the
 * system {@code purge-audit} permission) only. Runs go to the managed executor; {@link PurgeTimer} starts scheduled
 * ones.
 */
@ApplicationScoped
public class Purges {

    /** Harbor's fixed schedules and their cron expressions. */
    static final Map<String, String> FIXED = Map.of("Hourly", "0 0 * * * *", "Daily", "0 0 0 * * *", "Weekly", "0 0 0 * * 0");
    static final List<String> TYPES = List.of("Hourly", "Daily", "Weekly", "Custom", "Manual", "None", "Schedule");

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessEvaluator access;

    @Inject
    PurgeSteps steps;

    @Inject
    PurgeRunner runner;

    @jakarta.annotation.Resource
    ManagedExecutorService executor;

    /** The current schedule as Harbor shows it: an {@code ExecHistory} with the schedule and its parameters. */
    public ExecHistoryView schedule(Caller caller) {
        require(caller, Action.READ);
        PurgeSchedule s = em.find(PurgeSchedule.class, PurgeSchedule.ID);
        Instant next = null;
        if (s.cron() != null && !"None".equals(s.type())) {
            ZonedDateTime at = CronExpression.parse(s.cron()).next(ZonedDateTime.now(ZoneOffset.UTC));
            next = at == null ? null : at.toInstant();
        }
        return new ExecHistoryView(PurgeSchedule.ID, ExecHistoryView.JOB_NAME, "SCHEDULE", s.parameters(),
                new ScheduleView(s.type(), s.cron(), next), "", false, s.creationTime(), s.updateTime());
    }

    /**
     * Sets the schedule from Harbor's {@code Schedule} body, or with type {@code Manual} starts a run now.
     *
     * @return the id of the run started, or null when only the schedule changed
     */
    @Transactional
    public Long setSchedule(Caller caller, JsonObject body, boolean creating) {
        require(caller, creating ? Action.CREATE : Action.UPDATE);
        Request request = Request.of(body);
        if ("Manual".equals(request.type)) {
            return start(PurgeExecution.MANUAL, request.parameters, "Manual", null);
        }
        store(request);
        return null;
    }

    private void store(Request request) {
        PurgeSchedule s = em.find(PurgeSchedule.class, PurgeSchedule.ID);
        s.set(request.type, request.cron, request.parameters == null ? "{}" : request.parameters.toJson(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public Listing<ExecHistoryView> history(Caller caller, PageRequest page, String q, String sort) {
        require(caller, Action.LIST);
        if (q != null && !q.isBlank() || sort != null && !sort.isBlank()) {
            throw ApiException.badRequest("the purge history takes no q or sort: it is listed newest first");
        }
        List<ExecHistoryView> items = em.createQuery("SELECT e FROM PurgeExecution e ORDER BY e.id DESC", PurgeExecution.class)
                .setFirstResult(page.offset()).setMaxResults(page.pageSize()).getResultStream()
                .map(ExecHistoryView::of).toList();
        long total = em.createQuery("SELECT COUNT(e) FROM PurgeExecution e", Long.class).getSingleResult();
        return new Listing<>(items, total);
    }

    public ExecHistoryView get(Caller caller, long id) {
        require(caller, Action.READ);
        return ExecHistoryView.of(find(id));
    }

    public String log(Caller caller, long id) {
        require(caller, Action.READ);
        return find(id).log();
    }

    /** Asks the run to stop; it does between two chunks (on whichever node runs it). 404 for an unknown run. */
    @Transactional
    public void stop(Caller caller, long id) {
        require(caller, Action.STOP);
        find(id);
        em.createNamedQuery(PurgeExecution.REQUEST_STOP).setParameter("id", id).setParameter("now", Instant.now()).executeUpdate();
    }

    /** Called every minute by {@link PurgeTimer}: starts a scheduled run if this minute is due and no node took it. */
    public void fireIfDue(ZonedDateTime now) {
        PurgeSchedule s = em.find(PurgeSchedule.class, PurgeSchedule.ID);
        if (s == null || "None".equals(s.type()) || s.cron() == null) {
            return;
        }
        ZonedDateTime minute = now.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        if (CronExpression.parse(s.cron()).matchesMinute(minute) && steps.claimMinute(minute.toInstant())) {
            start(PurgeExecution.SCHEDULE, PurgeParameters.parse(s.parameters()), s.type(), s.cron());
        }
    }

    private Long start(String trigger, PurgeParameters parameters, String type, String cron) {
        long id = steps.create(trigger, parameters, type, cron);
        executor.execute(() -> runner.run(id, parameters));
        return id;
    }

    private PurgeExecution find(long id) {
        PurgeExecution execution = em.find(PurgeExecution.class, id);
        if (execution == null) {
            throw ApiException.notFound("purge %d not found", id);
        }
        return execution;
    }

    private void require(Caller caller, Action action) {
        if (caller.isAnonymous()) {
            throw new ApiException(ApiError.UNAUTHORIZED, "log in first");
        }
        if (!access.canSystem(caller, Permission.of(Resource.PURGE_AUDIT, action))) {
            throw new ApiException(ApiError.FORBIDDEN, "purging the audit log needs a system administrator");
        }
    }

    /** A checked {@code Schedule} body: type, the cron it implies, and the parameters (absent only for None). */
    record Request(String type, String cron, PurgeParameters parameters) {

        static Request of(JsonObject body) {
            JsonObject schedule = body.get("schedule") instanceof JsonObject o ? o : null;
            if (schedule == null || !(schedule.get("type") instanceof JsonString typeText)) {
                throw ApiException.badRequest("schedule.type is required: one of %s", String.join(", ", TYPES));
            }
            String type = typeText.getString();
            if (!TYPES.contains(type)) {
                throw ApiException.badRequest("schedule.type must be one of %s", String.join(", ", TYPES));
            }
            if ("None".equals(type)) {
                return new Request(type, null, parameters(body, false));
            }
            String cron = FIXED.get(type);
            if (cron == null && !"Manual".equals(type)) {
                cron = schedule.get("cron") instanceof JsonString c ? c.getString() : null;
                try {
                    CronExpression.parse(cron);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("schedule.cron: %s", e.getMessage());
                }
            }
            return new Request(type, cron, parameters(body, true));
        }

        private static PurgeParameters parameters(JsonObject body, boolean required) {
            JsonValue value = body.get("parameters");
            if (value == null || value == JsonValue.NULL) {
                if (required) {
                    throw ApiException.badRequest("parameters are required: audit_retention_hour, include_event_types, dry_run");
                }
                return null;
            }
            if (!(value instanceof JsonObject parameters)) {
                throw ApiException.badRequest("parameters must be an object");
            }
            try {
                return PurgeParameters.of(parameters);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("%s", e.getMessage());
            }
        }
    }
}
