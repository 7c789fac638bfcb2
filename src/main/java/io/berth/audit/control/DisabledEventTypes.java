package io.berth.audit.control;

import io.berth.events.AuditEvent;
import io.berth.events.EventTypes;
import io.berth.platform.RuntimeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Harbor's {@code disabled_audit_log_event_types}: event types (as {@link EventTypes} lists them) that are neither
 * stored nor forwarded. Asked once per event on the request thread, so it reads the per-node copy of the settings
 * ({@link RuntimeSettings}) and parses the list only when its text changed: with nothing disabled a pull pays one
 * map lookup, and a change applies on this node at once and on the others within the settings' refresh.
 */
@ApplicationScoped
public class DisabledEventTypes {

    public static final String KEY = "disabled_audit_log_event_types";
    private static final Logger LOGGER = Logger.getLogger(DisabledEventTypes.class.getName());

    @Inject
    RuntimeSettings settings;

    private volatile Parsed parsed = new Parsed("", Set.of());

    /** Whether {@code event} must be left out of the trail. */
    public boolean covers(AuditEvent event) {
        String text;
        try {
            text = settings.get(KEY, "");
        } catch (RuntimeException e) {
            // A settings refresh that fails (no usable persistence context on this thread, a database hiccup) must
            // not cost the trail an entry: record it.
            LOGGER.log(Level.FINE, "Cannot read " + KEY + "; recording the event", e);
            return false;
        }
        if (text.isEmpty()) {
            return false;
        }
        Parsed current = parsed;
        if (!current.text().equals(text)) {
            current = new Parsed(text, Set.copyOf(EventTypes.parseList(text)));
            parsed = current;
        }
        return current.types().contains(event.eventType());
    }

    private record Parsed(String text, Set<String> types) {
    }
}
