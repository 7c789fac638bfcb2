package io.berth.platform.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v2.0/ping}: Harbor's liveness probe, answered with the plain text {@code Pong}. */
@Tag(name = "ping")
@Path("ping")
public class SystemResource {

    @Operation(operationId = "getPing", summary = "Ping the API server to check that it is alive")
    @APIResponse(responseCode = "200", description = "Pong, as plain text")
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
        return "Pong";
    }
}
