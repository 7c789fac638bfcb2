package io.berth.audit.boundary;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The clock of the audit purge on every node: every fifteen seconds {@link Purges#tick} frees the claim of a node
 * that died mid-run and starts a due scheduled run (the occurrence is claimed in the database, so one node starts
 * it). A non-persistent timer: the schedule lives in {@code job_schedule}, so nothing is lost when a node restarts.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PurgeTimer {

    private static final Logger LOGGER = Logger.getLogger(PurgeTimer.class.getName());

    @Inject
    Purges purges;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void tick() {
        try {
            purges.tick();
        } catch (RuntimeException e) {
            // A database hiccup must not cancel the timer; the next tick tries again.
            LOGGER.log(Level.WARNING, "Audit purge timer tick failed: {0}", e.toString());
        }
    }
}
