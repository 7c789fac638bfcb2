package io.berth.platform.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Builds Harbor's error body {@code {"errors":[{"code":"NOT_FOUND","message":"..."}]}}: the one place it is made.
 * Public for the servlet filters in front of the API (authentication, CSRF), which answer before JAX-RS runs.
 */
public final class ApiErrors {

    private ApiErrors() {
    }

    static Response.ResponseBuilder response(ApiError error, String message) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body(error, message));
    }

    /** The JSON text of one error, for writers outside JAX-RS. */
    public static String body(ApiError error, String message) {
        return Json.createObjectBuilder()
                .add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("code", error.name())
                        .add("message", message == null ? error.name().toLowerCase().replace('_', ' ') : message)))
                .build().toString();
    }
}
