package io.berth.gc.entity;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * What a run is asked to do, Harbor's GC {@code parameters}: {@code dry_run} (report what would be freed, change
 * nothing), {@code delete_untagged} (delete artifacts without a tag first) and {@code workers} (1-10 parallel
 * sweepers). Harbor's clients send booleans and numbers, sometimes as strings; both are accepted.
 */
public record GcParameters(boolean dryRun, boolean deleteUntagged, int workers) {

    public static final int MAX_WORKERS = 10;
    private static final Set<String> KNOWN = Set.of("dry_run", "delete_untagged", "workers", "time_window", "delete_tag");

    public GcParameters {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be between 1 and " + MAX_WORKERS + ", not " + workers);
        }
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
        return new GcParameters(bool(json, "dry_run"), bool(json, "delete_untagged"), integer(json, "workers", 1));
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("dry_run", dryRun)
                .add("delete_untagged", deleteUntagged)
                .add("workers", workers)
                .build();
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
