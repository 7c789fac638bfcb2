package io.berth.gc.boundary;

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
 * The clock of garbage collection on every node: every five seconds it lets {@link GarbageCollection#tick()}
 * fire a due schedule (stored in the database, claimed by one node) and clear runs whose node died. A
 * non-persistent timer: the schedule itself lives in the database, so nothing is lost when a node restarts.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
public class GcTimer {

    private static final Logger LOGGER = Logger.getLogger(GcTimer.class.getName());

    @Inject
    GarbageCollection gc;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            gc.tick();
        } catch (RuntimeException e) {
            // A database hiccup must not cancel the timer; the next tick tries again.
            LOGGER.log(Level.WARNING, "Garbage-collection timer tick failed: {0}", e.toString());
        }
    }
}
