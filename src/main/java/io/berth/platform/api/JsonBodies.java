package io.berth.platform.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * Request bodies read as JSON-P objects rather than bound to records, for the endpoints (configurations, LDAP,
 * the GC schedule) that must tell a missing field from a {@code null} one and a string from a number, and refuse
 * unknown keys instead of dropping them.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** {@code body} as a JSON object; 400 for anything else. */
    public static JsonObject object(String body) {
        if (body != null && !body.isBlank()) {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                if (reader.readValue() instanceof JsonObject object) {
                    return object;
                }
            } catch (JsonException e) {
                // refused below
            }
        }
        throw ApiException.badRequest("the request body must be a JSON object");
    }
}
