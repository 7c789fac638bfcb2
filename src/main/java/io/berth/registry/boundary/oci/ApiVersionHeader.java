package io.berth.registry.boundary.oci;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Every {@code /v2/} response says which API it speaks, errors included, as distribution does. */
@Provider
public class ApiVersionHeader implements ContainerResponseFilter {

    static final String NAME = "Docker-Distribution-API-Version";
    static final String VALUE = "registry/2.0";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(NAME, VALUE);
    }
}
