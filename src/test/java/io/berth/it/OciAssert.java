package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Assertions on OCI responses, so every test checks the error shape the same way: status, JSON content type,
 * and a body of exactly {@code {"errors":[{"code","message","detail"?}]}} whose first code is the expected one.
 */
final class OciAssert {

    private OciAssert() {
    }

    /** Asserts an OCI error answer; for HEAD (no body) only the status is checked. Returns the first error. */
    static JsonObject assertError(HttpResponse<byte[]> response, int status, String code) {
        String context = response.request().method() + " " + response.uri() + " -> " + response.statusCode()
                + " " + RegistryClient.text(response);
        assertEquals(status, response.statusCode(), context);
        if (response.request().method().equals("HEAD")) {
            return null;
        }
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "error Content-Type: " + response.headers().firstValue("Content-Type") + "; " + context);
        JsonObject body = json(response);
        assertEquals(List.of("errors"), List.copyOf(body.keySet()), "error body has only \"errors\": " + context);
        JsonArray errors = body.getJsonArray("errors");
        assertFalse(errors.isEmpty(), "errors is empty: " + context);
        for (JsonValue value : errors) {
            JsonObject error = value.asJsonObject();
            assertTrue(error.get("code") instanceof JsonString, "code is a string: " + context);
            assertTrue(error.get("message") instanceof JsonString, "message is a string: " + context);
            for (String key : error.keySet()) {
                assertTrue(List.of("code", "message", "detail").contains(key), "unexpected member " + key + ": " + context);
            }
        }
        JsonObject first = errors.getJsonObject(0);
        assertEquals(code, first.getString("code"), context);
        return first;
    }

    static JsonObject json(HttpResponse<byte[]> response) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(response.body()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return fail("not a JSON object: " + RegistryClient.text(response), e);
        }
    }

    static String header(HttpResponse<byte[]> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    static void assertStatus(int status, HttpResponse<byte[]> response) {
        assertEquals(status, response.statusCode(), () -> response.request().method() + " " + response.uri()
                + " -> " + response.statusCode() + " " + RegistryClient.text(response));
    }

    static void assertBody(byte[] expected, HttpResponse<byte[]> response) {
        assertArrayEquals(expected, response.body(), () -> "body of " + response.request().method() + " " + response.uri()
                + " (" + response.body().length + " bytes, expected " + expected.length + ")");
    }

    /** The strings of a JSON array member, in order. */
    static List<String> strings(JsonObject object, String member) {
        return object.getJsonArray(member).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
