package io.berth.platform.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds Harbor's error body {@code {"errors":[{"code":"NOT_FOUND","message":"..."}]}}: the one place it is made. */
final class ApiErrors {

    private ApiErrors() {
    }

    static Response.ResponseBuilder response(ApiError error, String message) {
        String body = Json.createObjectBuilder()
                .add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("code", error.name())
                        .add("message", message == null ? error.name().toLowerCase().replace('_', ' ') : message)))
                .build().toString();
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }
}
