package io.berth.registry.boundary.oci;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Every {@code /v2/} response says which API it speaks, errors included, as distribution does. */
@Provider
public class ApiVersionHeader implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Docker-Distribution-API-Version", "registry/2.0");
    }
}
