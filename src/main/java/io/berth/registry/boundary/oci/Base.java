package io.berth.registry.boundary.oci;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v2/}: the API version check every client makes first. 200 with {@code {}}. */
@ApplicationScoped
@Tag(name = "oci")
@Path("")
public class Base {

    @Operation(operationId = "checkRegistryApi", summary = "Check that the registry speaks the OCI Distribution API")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response check() {
        return Response.ok("{}").build();
    }

    @Operation(operationId = "headRegistryApi", summary = "Check that the registry speaks the OCI Distribution API, without a body")
    @HEAD
    public Response checkHead() {
        return Response.ok().build();
    }
}
