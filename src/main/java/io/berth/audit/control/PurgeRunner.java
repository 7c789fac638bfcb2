package io.berth.audit.control;

import io.berth.audit.entity.PurgeStatus;
import io.berth.jobs.control.NodeIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one purge execution, already opened and claimed ({@link PurgeSteps#open}), to its end: deletes matching
 * entries older than the retention in chunks of {@link #CHUNK}, checks for a stop request and renews the claim
 * between chunks, records the outcome and a log, and frees the claim whatever happens. A dry run counts instead
 * of deleting.
 */
@ApplicationScoped
public class PurgeRunner {

    static final int CHUNK = 1000;
    private static final Logger LOGGER = Logger.getLogger(PurgeRunner.class.getName());

    @Inject
    PurgeSteps steps;

    @Inject
    NodeIdentity node;

    public void run(long executionId, PurgeParameters parameters) {
        try {
            if (!steps.start(executionId)) {
                steps.finish(executionId, PurgeStatus.STOPPED, 0, line("stopped before it started"));
                return;
            }
            purge(executionId, parameters);
        } finally {
            steps.release(executionId);
        }
    }

    private void purge(long executionId, PurgeParameters parameters) {
        long started = System.nanoTime();
        StringBuilder log = new StringBuilder(line("purge " + executionId + " started on " + node.id() + " with " + parameters.toJson()));
        LOGGER.log(Level.INFO, "Audit purge {0} started: {1}", new Object[] {executionId, parameters.toJson()});
        long purged = 0;
        PurgeStatus end = PurgeStatus.SUCCESS;
        try {
            if (parameters.retentionHours() <= 0 || parameters.eventTypes().isEmpty()) {
                log.append(line("audit_retention_hour is not positive or include_event_types is empty: nothing to purge"));
            } else {
                Instant cutoff = Instant.now().minus(Duration.ofHours(parameters.retentionHours()));
                log.append(line("removing " + String.join(",", parameters.eventTypes().stream().map(PurgeParameters.EventType::value).toList())
                        + " entries older than " + cutoff));
                if (parameters.dryRun()) {
                    purged = steps.deleteChunk(cutoff, parameters.eventTypes(), CHUNK, true);
                    log.append(line("dry run: " + purged + " entries would be removed"));
                } else {
                    long removed;
                    long lastBeat = System.nanoTime();
                    do {
                        if (steps.stopRequested(executionId)) {
                            end = PurgeStatus.STOPPED;
                            log.append(line("stopped on request"));
                            break;
                        }
                        if (System.nanoTime() - lastBeat >= PurgeSteps.HEARTBEAT.toNanos()) {
                            if (!steps.renew(executionId)) {
                                end = PurgeStatus.ERROR;
                                log.append(line("lost the claim on the purge (another node took it over); stopped"));
                                break;
                            }
                            lastBeat = System.nanoTime();
                        }
                        removed = steps.deleteChunk(cutoff, parameters.eventTypes(), CHUNK, false);
                        purged += removed;
                    } while (removed == CHUNK);
                    log.append(line(purged + " entries removed"));
                }
            }
        } catch (RuntimeException e) {
            end = PurgeStatus.ERROR;
            log.append(line("failed: " + e.getMessage()));
            LOGGER.log(Level.WARNING, "Audit purge " + executionId + " failed", e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.append(line(end.value() + " after " + took.toMillis() + " ms"));
        steps.finish(executionId, end, purged, log.toString());
        LOGGER.log(Level.INFO, "Audit purge {0} ended {1}: {2} entries in {3} ms",
                new Object[] {executionId, end.value(), purged, took.toMillis()});
    }

    static String line(String text) {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + text + "\n";
    }
}
