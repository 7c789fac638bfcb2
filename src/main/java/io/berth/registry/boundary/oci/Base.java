package io.berth.registry.boundary.oci;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /v2/}: the API version check every client makes first. 200 with {@code {}}. */
@ApplicationScoped
@Path("")
public class Base {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response check() {
        return Response.ok("{}").build();
    }

    @HEAD
    public Response checkHead() {
        return Response.ok().build();
    }
}
