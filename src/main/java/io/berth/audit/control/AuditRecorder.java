package io.berth.audit.control;

import io.berth.audit.entity.RecordedEvent;
import io.berth.events.AuditEvent;
import io.berth.rbac.control.CallerContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Observes every {@link AuditEvent}, on the thread that fired it, and completes it with the time, the caller and
 * the request's origin, all of which are only known there. It then hands the entry to the {@link AuditQueue},
 * which costs the request no database work. Events of a type an administrator disabled
 * ({@link DisabledEventTypes}) stop here: neither stored nor forwarded.
 * <p>
 * An event fired inside a transaction is queued when the transaction ends (a JTA synchronization), so an entry
 * for an operation that rolled back says so ({@code operation_result} false) instead of claiming a change that
 * never happened. Outside a transaction it is queued at once.
 */
@ApplicationScoped
public class AuditRecorder {

    /** The name recorded for requests without credentials, as Harbor records anonymous pulls. */
    public static final String ANONYMOUS = "anonymous";
    /** The name recorded for work no request caused (timers). */
    public static final String SYSTEM = "system";

    @Inject
    CallerContext callers;

    @Inject
    RequestOrigin origin;

    @Inject
    AuditQueue queue;

    @Inject
    DisabledEventTypes disabled;

    @Resource
    TransactionSynchronizationRegistry transactions;

    void record(@Observes AuditEvent event) {
        if (disabled.covers(event)) {
            return;
        }
        RecordedEvent recorded = complete(event);
        int status = transactions == null ? Status.STATUS_NO_TRANSACTION : transactions.getTransactionStatus();
        if (status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK) {
            transactions.registerInterposedSynchronization(new AfterCompletion(recorded, queue));
        } else {
            queue.offer(recorded);
        }
    }

    private RecordedEvent complete(AuditEvent event) {
        RequestOrigin.Origin where = origin();
        String who = event.username() != null ? event.username() : callerName(where);
        return new RecordedEvent(Instant.now().truncatedTo(ChronoUnit.MILLIS), truncate(who, 255),
                event.operation().value(), event.resourceType().value(), truncate(event.resource(), 1024),
                event.projectId(), event.projectName(), event.success(), truncate(event.description(), 1024),
                where.clientIp(), where.userAgent(), where.requestId());
    }

    private RequestOrigin.Origin origin() {
        try {
            return origin.get();
        } catch (RuntimeException noRequestContext) {
            return RequestOrigin.Origin.NONE;
        }
    }

    private String callerName(RequestOrigin.Origin where) {
        try {
            String name = callers.get().name();
            return name.isEmpty() ? ANONYMOUS : name;
        } catch (RuntimeException noRequestContext) {
            return where == RequestOrigin.Origin.NONE ? SYSTEM : ANONYMOUS;
        }
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** Queues the entry when the transaction it was fired in has ended, marked failed if that was a rollback. */
    private record AfterCompletion(RecordedEvent recorded, AuditQueue queue) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            queue.offer(status == Status.STATUS_COMMITTED ? recorded : new RecordedEvent(recorded.opTime(),
                    recorded.username(), recorded.operation(), recorded.resourceType(), recorded.resource(),
                    recorded.projectId(), recorded.projectName(), false, "rolled back", recorded.clientIp(),
                    recorded.userAgent(), recorded.requestId()));
        }
    }
}
