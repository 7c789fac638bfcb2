package io.berth.registry.boundary.oci;

import io.berth.registry.entity.OciErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Renders the OCI error body {@code {"errors":[{"code","message","detail"}]}}: the one place it is built. */
final class OciErrors {

    private OciErrors() {
    }

    static Response.ResponseBuilder response(int status, OciErrorCode code, String detail) {
        JsonObjectBuilder error = Json.createObjectBuilder()
                .add("code", code.name())
                .add("message", code.message());
        if (detail != null) {
            error.add("detail", detail);
        }
        String body = Json.createObjectBuilder()
                .add("errors", Json.createArrayBuilder().add(error))
                .build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }
}
