package io.berth.console.admin;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;

/**
 * What the garbage-collection and log-rotation pages read from a run of Harbor's history: its parameters and
 * outcome (the JSON string {@code job_parameters}), whether it is over, and sizes as people read them. Only
 * presentation: what a run does and who may start it is the facades' business.
 */
final class JobRuns {

    /** The job statuses after which nothing changes any more (Harbor's names, the same for GC and purges). */
    static final List<String> FINAL = List.of("Success", "Error", "Stopped");
    /** The schedule types the editors offer (Harbor's wire names). */
    static final List<String> SCHEDULE_TYPES = List.of("None", "Hourly", "Daily", "Weekly", "Custom");
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private JobRuns() {
    }

    /** The run's {@code job_parameters} as an object; empty when missing or not JSON. */
    static JsonObject parameters(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    static boolean isFinal(String status) {
        return FINAL.contains(status);
    }

    /** A whole number from the parameters, or {@code fallback}; numbers sent as strings count too. */
    static long number(JsonObject parameters, String key, long fallback) {
        JsonValue value = parameters.get(key);
        if (value instanceof jakarta.json.JsonNumber n) {
            return n.longValue();
        }
        if (value instanceof jakarta.json.JsonString s) {
            try {
                return Long.parseLong(s.getString().strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** A boolean from the parameters ({@code true} or {@code "true"}); false otherwise. */
    static boolean flag(JsonObject parameters, String key) {
        JsonValue value = parameters.get(key);
        return value == JsonValue.TRUE || value instanceof jakarta.json.JsonString s && "true".equals(s.getString());
    }

    /** {@code 0 B}, {@code 512 B}, {@code 1.5 KiB}, {@code 12.0 MiB}: binary units, one decimal above bytes. */
    static String bytes(long size) {
        double value = size;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? size + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
