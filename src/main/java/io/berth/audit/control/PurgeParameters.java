package io.berth.audit.control;

import io.berth.events.Operation;
import io.berth.events.ResourceType;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Harbor's purge parameters: {@code audit_retention_hour} (entries older than this many hours go; at most
 * {@link #MAX_RETENTION_HOURS}, and 0 or -1 purge nothing, as Harbor), {@code include_event_types} (a comma list of
 * event types such as {@code create_artifact} or bare operations such as {@code pull}; empty purges nothing) and
 * {@code dry_run} (count, delete nothing). Numbers and booleans are also accepted as strings, as Harbor's UI sends them.
 */
public record PurgeParameters(int retentionHours, List<EventType> eventTypes, boolean dryRun) {

    public static final int MAX_RETENTION_HOURS = 240_000;

    /** One entry of {@code include_event_types}: an operation, optionally with its resource type. */
    public record EventType(Operation operation, ResourceType resourceType) {

        public String value() {
            return resourceType == null ? operation.value() : operation.value() + "_" + resourceType.value();
        }
    }

    public static PurgeParameters of(JsonObject parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters are required: audit_retention_hour, include_event_types, dry_run");
        }
        for (String key : parameters.keySet()) {
            if (!List.of("audit_retention_hour", "include_event_types", "dry_run").contains(key)) {
                throw new IllegalArgumentException("unknown purge parameter " + key);
            }
        }
        int hours = integer(parameters.get("audit_retention_hour"));
        if (hours < -1 || hours > MAX_RETENTION_HOURS) {
            throw new IllegalArgumentException("audit_retention_hour must be between -1 and " + MAX_RETENTION_HOURS);
        }
        return new PurgeParameters(hours, eventTypes(text(parameters.get("include_event_types"))),
                bool(parameters.get("dry_run")));
    }

    /** As stored in {@code job_parameters}. */
    public static PurgeParameters parse(String json) {
        return of(Json.createReader(new StringReader(json)).readObject());
    }

    public String toJson() {
        return Json.createObjectBuilder()
                .add("audit_retention_hour", retentionHours)
                .add("dry_run", dryRun)
                .add("include_event_types", String.join(",", eventTypes.stream().map(EventType::value).toList()))
                .build().toString();
    }

    static List<EventType> eventTypes(String list) {
        List<EventType> types = new ArrayList<>();
        for (String item : list.split(",")) {
            String type = item.strip().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                continue;
            }
            int underscore = type.indexOf('_');
            String operation = underscore < 0 ? type : type.substring(0, underscore);
            Operation op = Operation.ofValue(operation)
                    .orElseThrow(() -> new IllegalArgumentException("unknown event type " + type));
            ResourceType resource = underscore < 0 ? null : ResourceType.ofValue(type.substring(underscore + 1))
                    .orElseThrow(() -> new IllegalArgumentException("unknown event type " + type + "; known resource types: "
                            + String.join(", ", Arrays.stream(ResourceType.values()).map(ResourceType::value).toList())));
            types.add(new EventType(op, resource));
        }
        return List.copyOf(types);
    }

    private static int integer(JsonValue value) {
        try {
            if (value instanceof JsonNumber n) {
                return n.intValueExact();
            }
            if (value instanceof JsonString s) {
                return Integer.parseInt(s.getString().strip());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("audit_retention_hour must be an integer");
    }

    private static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new IllegalArgumentException("include_event_types must be a comma-separated string");
    }

    private static boolean bool(JsonValue value) {
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value instanceof JsonString s && List.of("true", "false").contains(s.getString().strip().toLowerCase(Locale.ROOT))) {
            return Boolean.parseBoolean(s.getString().strip());
        }
        throw new IllegalArgumentException("dry_run must be true or false");
    }
}
