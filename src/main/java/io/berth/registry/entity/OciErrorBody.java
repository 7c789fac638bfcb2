package io.berth.registry.entity;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The OCI error body {@code {"errors":[{"code","message","detail"}]}} as text: the one place it is built, for the
 * JAX-RS error mappers and for the authentication filter that answers {@code 401}/{@code 403} before JAX-RS runs.
 */
public final class OciErrorBody {

    private OciErrorBody() {
    }

    /** The body for one error; {@code detail} is left out when null (distribution sends a string or an array). */
    public static String render(OciErrorCode code, JsonValue detail) {
        return render(code, code.message(), detail);
    }

    /** The same with a message of its own instead of the code's catalogue message. */
    public static String render(OciErrorCode code, String message, JsonValue detail) {
        JsonObjectBuilder error = Json.createObjectBuilder()
                .add("code", code.name())
                .add("message", message);
        if (detail != null) {
            error.add("detail", detail);
        }
        return Json.createObjectBuilder()
                .add("errors", Json.createArrayBuilder().add(error))
                .build().toString();
    }
}
