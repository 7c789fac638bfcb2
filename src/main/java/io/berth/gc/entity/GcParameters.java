package io.berth.gc.entity;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Set;

/**
 * What a run is asked to do, Harbor's GC {@code parameters}: {@code dry_run} (report what would be freed, change
 * nothing), {@code delete_untagged} (delete artifacts without a tag first), {@code workers} (1-10 parallel
 * sweepers) and, optionally, a grace window for this run instead of the configured one: Harbor's
 * {@code time_window} in hours, or Berth's {@code time_window_seconds}. Harbor's clients send booleans and
 * numbers, sometimes as strings; both are accepted.
 *
 * @param timeWindow the grace window of this run; null for the configured one
 */
public record GcParameters(boolean dryRun, boolean deleteUntagged, int workers, Duration timeWindow) {

    public static final int MAX_WORKERS = 10;
    private static final Set<String> KNOWN = Set.of("dry_run", "delete_untagged", "workers", "time_window", "time_window_seconds");

    public GcParameters {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be between 1 and " + MAX_WORKERS + ", not " + workers);
        }
        if (timeWindow != null && timeWindow.isNegative()) {
            throw new IllegalArgumentException("the time window must not be negative");
        }
    }

    public GcParameters(boolean dryRun, boolean deleteUntagged, int workers) {
        this(dryRun, deleteUntagged, workers, null);
    }

    /** Harbor's defaults: no dry run, untagged artifacts kept, one worker. */
    public static GcParameters defaults() {
        return new GcParameters(false, false, 1);
    }

    /** Reads a {@code parameters} object; {@link IllegalArgumentException} for a wrong type, value or unknown key. */
    public static GcParameters of(JsonObject json) {
        if (json == null) {
            return defaults();
        }
        for (String key : json.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown GC parameter " + key);
            }
        }
        Duration window = null;
        if (json.containsKey("time_window_seconds")) {
            window = Duration.ofSeconds(integer(json, "time_window_seconds", 0));
        } else if (json.containsKey("time_window")) {
            window = Duration.ofHours(integer(json, "time_window", 0));
        }
        return new GcParameters(bool(json, "dry_run"), bool(json, "delete_untagged"), integer(json, "workers", 1), window);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("dry_run", dryRun)
                .add("delete_untagged", deleteUntagged)
                .add("workers", workers);
        if (timeWindow != null) {
            json.add("time_window_seconds", timeWindow.toSeconds());
        }
        return json.build();
    }

    private static boolean bool(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return false;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        if (value instanceof JsonString s && (s.getString().equals("true") || s.getString().equals("false"))) {
            return Boolean.parseBoolean(s.getString());
        }
        throw new IllegalArgumentException(key + " must be true or false");
    }

    private static int integer(JsonObject json, String key, int fallback) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        try {
            if (value instanceof JsonNumber n) {
                return n.intValueExact();
            }
            if (value instanceof JsonString s) {
                return Integer.parseInt(s.getString());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number");
    }
}
