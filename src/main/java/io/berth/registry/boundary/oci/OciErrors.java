package io.berth.registry.boundary.oci;

import io.berth.registry.entity.OciErrorBody;
import io.berth.registry.entity.OciErrorCode;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Renders the OCI error body {@code {"errors":[{"code","message","detail"}]}} (built by {@link OciErrorBody}) as a response. */
final class OciErrors {

    private OciErrors() {
    }

    static Response.ResponseBuilder response(int status, OciErrorCode code, String detail) {
        return response(status, code, code.message(), detail);
    }

    static Response.ResponseBuilder response(int status, OciErrorCode code, String message, String detail) {
        String body = OciErrorBody.render(code, message, detail == null ? null : Json.createValue(detail));
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }
}
