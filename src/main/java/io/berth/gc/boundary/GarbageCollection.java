package io.berth.gc.boundary;

import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.gc.control.Executions;
import io.berth.gc.control.GcLog;
import io.berth.gc.control.GcRunner;
import io.berth.gc.entity.GcParameters;
import io.berth.gc.entity.GcTrigger;
import io.berth.jobs.control.JobBusyException;
import io.berth.jobs.control.Schedules;
import io.berth.jobs.entity.CronExpression;
import io.berth.jobs.entity.JobSchedule;
import io.berth.jobs.entity.ScheduleType;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
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
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Garbage collection as administrators see it: start a run now, keep a schedule, list and follow runs, stop one.
 * A run is claimed in the database before it starts (one at a time across all nodes; a second request meets
 * 409) and then runs in the background on this node.
 * <p>
 * Every call takes the caller and decides first whether it may (the system {@code garbage-collection}
 * permission: system administrators and system robots granted it; 401 anonymous, 403 anyone else), so the REST
 * API and the web console refuse exactly the same requests.
 */
@ApplicationScoped
public class GarbageCollection {

    private static final Logger LOGGER = Logger.getLogger(GarbageCollection.class.getName());
    static final String SCHEDULE = "gc";

    @Inject
    Executions executions;

    @Inject
    GcRunner runner;

    @Inject
    GcLog log;

    @Inject
    Schedules schedules;

    @jakarta.annotation.Resource
    ManagedExecutorService background;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    AccessEvaluator access;

    /** Starts a run in the background and returns its id; 409 while another runs. */
    private long start(GcTrigger trigger, GcParameters parameters) {
        long id;
        try {
            id = executions.open(trigger, parameters);
        } catch (JobBusyException e) {
            throw ApiException.of(ApiError.CONFLICT, "garbage collection %d is running; wait for it or stop it", e.runningId());
        }
        background.execute(() -> runner.run(id));
        return id;
    }

    /** One page of runs, newest first, with the total. */
    public Listing<GcHistoryView> list(Caller caller, PageRequest page) {
        require(caller, Action.LIST);
        List<GcHistoryView> runs = executions.list(page.offset(), page.pageSize()).stream().map(GcHistoryView::of).toList();
        return new Listing<>(runs, executions.count());
    }

    public GcHistoryView get(Caller caller, long id) {
        require(caller, Action.READ);
        return executions.find(id).map(GcHistoryView::of).orElseThrow(() -> notFound(id));
    }

    /** Asks a run to stop; it ends as Stopped after the batch in hand. A finished run is left as it is. */
    public void stop(Caller caller, long id) {
        require(caller, Action.STOP);
        if (!executions.requestStop(id)) {
            throw notFound(id);
        }
    }

    public String log(Caller caller, long id) {
        require(caller, Action.READ);
        executions.find(id).orElseThrow(() -> notFound(id));
        return log.text(id);
    }

    public GcHistoryView schedule(Caller caller) {
        require(caller, Action.READ);
        Optional<JobSchedule> stored = schedules.find(SCHEDULE).filter(s -> s.type() != ScheduleType.NONE);
        if (stored.isEmpty()) {
            return GcHistoryView.ofSchedule(new ScheduleObj(ScheduleType.NONE.wireName(), null, null), null, null, null);
        }
        JobSchedule s = stored.get();
        return GcHistoryView.ofSchedule(new ScheduleObj(s.type().wireName(), s.cron(), s.nextTime()), s.parameters(),
                s.creationTime(), s.updateTime());
    }

    /**
     * Harbor's {@code POST /system/gc/schedule}: {@code Manual} runs now (returns the run's id), any other type
     * creates the schedule (409 if one exists: change it with PUT). Empty for a stored schedule.
     */
    public Optional<Long> create(Caller caller, JsonObject body) {
        require(caller, Action.CREATE);
        ScheduleRequest request = ScheduleRequest.of(body);
        if (request.type() == ScheduleType.MANUAL) {
            long id = start(GcTrigger.MANUAL, request.parameters());
            audit.fire(AuditEvent.of(Operation.CREATE, ResourceType.GC, "gc run " + id));
            return Optional.of(id);
        }
        if (schedules.find(SCHEDULE).filter(s -> s.type() != ScheduleType.NONE).isPresent()) {
            throw ApiException.of(ApiError.CONFLICT, "a garbage-collection schedule exists; change it with PUT");
        }
        store(request);
        audit.fire(AuditEvent.of(Operation.CREATE, ResourceType.GC, "gc schedule " + request.type()));
        return Optional.empty();
    }

    /** Harbor's {@code PUT /system/gc/schedule}: replaces the schedule; {@code None} removes it. */
    public void update(Caller caller, JsonObject body) {
        require(caller, Action.UPDATE);
        ScheduleRequest request = ScheduleRequest.of(body);
        if (request.type() == ScheduleType.MANUAL) {
            throw ApiException.badRequest("a Manual run is started with POST, not scheduled with PUT");
        }
        store(request);
        audit.fire(AuditEvent.of(Operation.UPDATE, ResourceType.GC, "gc schedule " + request.type()));
    }

    /**
     * The timer's work: free the claim of a node that died mid-run, then start the scheduled run if it is due on
     * this node (a due occurrence is claimed in the database, so only one node starts it).
     */
    public void tick() {
        executions.recoverAbandoned();
        schedules.claimDue(SCHEDULE).ifPresent(due -> {
            try {
                GcParameters parameters = ScheduleRequest.parameters(due.parameters());
                long id = executions.open(GcTrigger.SCHEDULE, parameters);
                background.execute(() -> runner.run(id));
            } catch (JobBusyException e) {
                LOGGER.log(Level.INFO, "Scheduled garbage collection skipped: run {0} is still going", e.runningId());
            } catch (IllegalArgumentException e) {
                LOGGER.log(Level.WARNING, "Scheduled garbage collection skipped: {0}", e.getMessage());
            }
        });
    }

    private void store(ScheduleRequest request) {
        String cron = request.type().cron(request.cron()).orElse(null);
        schedules.store(SCHEDULE, request.type(), cron,
                request.type() == ScheduleType.NONE ? null : request.parameters().toJson().toString());
    }

    /** 401 for anonymous callers, 403 without the system permission {@code garbage-collection:<action>}. */
    private void require(Caller caller, Action action) {
        if (caller.isAnonymous()) {
            throw new ApiException(ApiError.UNAUTHORIZED, "log in first");
        }
        if (!access.canSystem(caller, Permission.of(Resource.GARBAGE_COLLECTION, action))) {
            throw new ApiException(ApiError.FORBIDDEN, "garbage collection needs a system administrator");
        }
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("garbage collection %d not found", id);
    }

    /** A validated {@code Schedule} body. */
    record ScheduleRequest(ScheduleType type, String cron, GcParameters parameters) {

        static ScheduleRequest of(JsonObject body) {
            if (body == null || !(body.get("schedule") instanceof JsonObject schedule)) {
                throw ApiException.badRequest("the body needs a schedule object with a type");
            }
            String typeName = schedule.containsKey("type") && schedule.get("type") instanceof jakarta.json.JsonString t
                    ? t.getString() : null;
            ScheduleType type = ScheduleType.ofWireName(typeName == null ? "" : typeName)
                    .orElseThrow(() -> ApiException.badRequest(
                            "schedule.type must be one of Hourly, Daily, Weekly, Custom, Manual, None; got %s", typeName));
            String cron = schedule.get("cron") instanceof jakarta.json.JsonString c ? c.getString() : null;
            if (type == ScheduleType.CUSTOM || type == ScheduleType.SCHEDULE) {
                try {
                    CronExpression.parse(cron);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("%s", e.getMessage());
                }
            }
            JsonObject parameters = body.get("parameters") instanceof JsonObject p ? p : null;
            try {
                return new ScheduleRequest(type, cron, GcParameters.of(parameters));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("%s", e.getMessage());
            }
        }

        static GcParameters parameters(String stored) {
            if (stored == null || stored.isBlank()) {
                return GcParameters.defaults();
            }
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(stored))) {
                return GcParameters.of(reader.readObject());
            }
        }
    }
}
