package io.berth.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the audit trail as an administrator for the tests. Entries are written by a background writer about once a
 * second, so {@link #await} polls (with a bound) until the entries a test expects are there.
 */
final class AuditTrail {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ApiClient admin;

    AuditTrail(ApiClient admin) {
        this.admin = admin;
    }

    /** The newest entries {@code q} selects (up to 100). */
    List<JsonObject> find(String q) {
        return admin.get("/api/v2.0/audit-logs?page_size=100&q=" + encode(q)).expect(200).array()
                .getValuesAs(JsonObject.class);
    }

    /** Waits until an entry {@code q} selects matches {@code wanted}; returns it, or fails after {@link #PATIENCE}. */
    JsonObject await(String q, Predicate<JsonObject> wanted) {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<JsonObject> seen = List.of();
        while (Instant.now().isBefore(deadline)) {
            seen = find(q);
            for (JsonObject entry : seen) {
                if (wanted.test(entry)) {
                    return entry;
                }
            }
            pause();
        }
        throw new AssertionError("no audit entry as expected for q=" + q + " within " + PATIENCE + "; found " + seen);
    }

    /** Waits for an entry with this operation and resource type among those {@code q} selects. */
    JsonObject await(String q, String operation, String resourceType) {
        return await(q, e -> operation.equals(e.getString("operation")) && resourceType.equals(e.getString("resource_type")));
    }

    static JsonArray array(ApiClient.Response response) {
        return response.array();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
