package io.berth.platform.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v2.0/ping}: Harbor's liveness probe, answered with the plain text {@code Pong}. */
@Path("ping")
public class SystemResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
        return "Pong";
    }
}
