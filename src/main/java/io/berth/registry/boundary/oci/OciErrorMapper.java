package io.berth.registry.boundary.oci;

import io.berth.registry.entity.RegistryException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns a {@link RegistryException} into its status, headers and OCI error body. */
@Provider
public class OciErrorMapper implements ExceptionMapper<RegistryException> {

    @Override
    public Response toResponse(RegistryException e) {
        Response.ResponseBuilder response = OciErrors.response(e.status(), e.code(), e.errorMessage(), e.detail());
        e.headers().forEach(response::header);
        return response.build();
    }
}
