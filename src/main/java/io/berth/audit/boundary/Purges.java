package io.berth.audit.boundary;

import io.berth.audit.control.PurgeParameters;
import io.berth.audit.control.PurgeRunner;
import io.berth.audit.control.PurgeSteps;
import io.berth.audit.entity.PurgeExecution;
import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.jobs.control.JobBusyException;
import io.berth.jobs.control.Schedules;
import io.berth.jobs.entity.CronExpression;
import io.berth.jobs.entity.JobSchedule;
import io.berth.jobs.entity.ScheduleType;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.CriteriaPage;
import io.berth.platform.api.ListQuery;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.platform.api.QueryFields;
import io.berth.rbac.control.AccessEvaluator;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Order;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Purging the audit trail as Harbor's {@code /system/purgeaudit}: the schedule (Hourly, Daily, Weekly, Custom cron,
 * None; Manual runs at once), the history of runs, one run, its log, and stopping it. System administrators (the
 * system {@code purge-audit} permission) only. The schedule is {@code io.berth.jobs}' {@link PurgeSteps#JOB} row,
 * and a run holds that job's lease, so one purge runs at a time in the cluster (a second is 409). Runs go to the
 * managed executor; {@link PurgeTimer} starts scheduled ones.
 */
@ApplicationScoped
public class Purges {

    private static final Logger LOGGER = Logger.getLogger(Purges.class.getName());

    /** Harbor's schedule has an id; Berth has one purge schedule, and keeps the id it always answered. */
    static final long SCHEDULE_ID = 1;

    /**
     * What the history is filtered ({@code q}) and sorted by, with {@code ExecHistory}'s names: {@code id},
     * {@code job_kind} (MANUAL, SCHEDULE), {@code job_status} (Pending ... Stopped), {@code creation_time},
     * {@code update_time}; never the log or the node.
     */
    static final QueryFields HISTORY = QueryFields.builder()
            .both("id", "id").both("job_kind", "trigger").both("job_status", "status")
            .both("creation_time", "creationTime").both("update_time", "updateTime").build();

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessEvaluator access;

    @Inject
    PurgeSteps steps;

    @Inject
    PurgeRunner runner;

    @Inject
    Schedules schedules;

    @Inject
    Event<AuditEvent> audit;

    @jakarta.annotation.Resource
    ManagedExecutorService executor;

    /** The current schedule as Harbor shows it: an {@code ExecHistory} with the schedule and its parameters. */
    public ExecHistoryView schedule(Caller caller) {
        require(caller, Action.READ);
        Optional<JobSchedule> stored = schedules.find(PurgeSteps.JOB);
        if (stored.isEmpty() || stored.get().type() == ScheduleType.NONE) {
            return new ExecHistoryView(SCHEDULE_ID, ExecHistoryView.JOB_NAME, PurgeExecution.SCHEDULE,
                    stored.map(JobSchedule::parameters).orElse("{}"), new ScheduleView(ScheduleType.NONE.wireName(), null, null),
                    "", false, stored.map(JobSchedule::creationTime).orElse(null), stored.map(JobSchedule::updateTime).orElse(null));
        }
        JobSchedule s = stored.get();
        return new ExecHistoryView(SCHEDULE_ID, ExecHistoryView.JOB_NAME, PurgeExecution.SCHEDULE, s.parameters(),
                new ScheduleView(s.type().wireName(), s.cron(), s.nextTime()), "", false, s.creationTime(), s.updateTime());
    }

    /**
     * Sets the schedule from Harbor's {@code Schedule} body, or with type {@code Manual} starts a run now (409 while
     * another runs).
     *
     * @return the id of the run started, or null when only the schedule changed
     */
    public Long setSchedule(Caller caller, JsonObject body, boolean creating) {
        require(caller, creating ? Action.CREATE : Action.UPDATE);
        Request request = Request.of(body);
        if (request.type == ScheduleType.MANUAL) {
            long id;
            try {
                id = start(PurgeExecution.MANUAL, request.parameters, request.type, null);
            } catch (JobBusyException e) {
                throw ApiException.of(ApiError.CONFLICT, "audit log purge %d is running; wait for it or stop it", e.runningId());
            }
            audit.fire(AuditEvent.of(Operation.CREATE, ResourceType.PURGE_AUDIT, "purge audit run " + id));
            return id;
        }
        schedules.store(PurgeSteps.JOB, request.type, request.cron,
                request.parameters == null ? "{}" : request.parameters.toJson());
        audit.fire(AuditEvent.of(creating ? Operation.CREATE : Operation.UPDATE, ResourceType.PURGE_AUDIT,
                "purge audit schedule " + request.type.wireName()));
        return null;
    }

    /** One page of runs, newest first unless {@code sort} says otherwise; 400 for a key outside {@link #HISTORY}. */
    public Listing<ExecHistoryView> history(Caller caller, PageRequest page, String q, String sort) {
        require(caller, Action.LIST);
        ListQuery query = HISTORY.parse(q, sort);
        CriteriaPage.Where<PurgeExecution> where = (cb, select, e) -> HISTORY.predicates(cb, e, query);
        List<ExecHistoryView> items = CriteriaPage.select(em, PurgeExecution.class, where, (cb, e) -> {
            List<Order> orders = new ArrayList<>(HISTORY.orders(cb, e, query));
            // Newest first by default, and the id breaks ties so pages never overlap.
            orders.add(cb.desc(e.get("id")));
            return orders;
        }, page).stream().map(ExecHistoryView::of).toList();
        return new Listing<>(items, CriteriaPage.count(em, PurgeExecution.class, where));
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

    /**
     * The timer's work on every node: free the claim of a node that died mid-run, then start the scheduled run if
     * one is due (the occurrence is claimed in the database, so one node starts it).
     */
    public void tick() {
        steps.recoverAbandoned();
        schedules.claimDue(PurgeSteps.JOB).ifPresent(due -> {
            try {
                start(PurgeExecution.SCHEDULE, PurgeParameters.parse(due.parameters()), due.type(), due.cron());
            } catch (JobBusyException e) {
                LOGGER.log(Level.INFO, "Scheduled audit log purge skipped: run {0} is still going", e.runningId());
            } catch (IllegalArgumentException e) {
                LOGGER.log(Level.WARNING, "Scheduled audit log purge skipped: {0}", e.getMessage());
            }
        });
    }

    private long start(String trigger, PurgeParameters parameters, ScheduleType type, String cron) {
        long id = steps.open(trigger, parameters, type.wireName(), cron);
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
    record Request(ScheduleType type, String cron, PurgeParameters parameters) {

        private static final String TYPES = "Hourly, Daily, Weekly, Custom, Manual, None";

        static Request of(JsonObject body) {
            JsonObject schedule = body.get("schedule") instanceof JsonObject o ? o : null;
            if (schedule == null || !(schedule.get("type") instanceof JsonString typeText)) {
                throw ApiException.badRequest("schedule.type is required: one of %s", TYPES);
            }
            ScheduleType type = ScheduleType.ofWireName(typeText.getString())
                    .orElseThrow(() -> ApiException.badRequest("schedule.type must be one of %s", TYPES));
            if (type == ScheduleType.NONE) {
                return new Request(type, null, parameters(body, false));
            }
            String cron = type.cron(schedule.get("cron") instanceof JsonString c ? c.getString() : null).orElse(null);
            if (type == ScheduleType.CUSTOM || type == ScheduleType.SCHEDULE) {
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
