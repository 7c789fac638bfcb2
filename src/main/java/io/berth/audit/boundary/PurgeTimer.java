package io.berth.audit.boundary;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks at the purge schedule once a minute on every node (a non-persistent EJB timer: nothing to clean up in the
 * timer store, and a missed minute while the node is down is simply missed); {@link Purges#fireIfDue} decides and
 * claims the minute, so one node runs each scheduled purge.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PurgeTimer {

    private static final Logger LOGGER = Logger.getLogger(PurgeTimer.class.getName());

    @Inject
    Purges purges;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void tick() {
        try {
            purges.fireIfDue(ZonedDateTime.now(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Audit purge schedule check failed", e);
        }
    }
}
