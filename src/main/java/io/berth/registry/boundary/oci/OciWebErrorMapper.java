package io.berth.registry.boundary.oci;

import io.berth.registry.entity.OciErrorCode;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors the JAX-RS runtime raises before a resource runs (no route, wrong method, unreadable body) in the
 * OCI error shape, so clients parsing {@code errors[]} never meet an HTML page.
 */
@Provider
public class OciWebErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.ResponseBuilder response;
        if (e instanceof NotFoundException) {
            response = OciErrors.response(404, OciErrorCode.NAME_UNKNOWN, "no such endpoint of the OCI Distribution API");
        } else if (e instanceof NotAllowedException) {
            response = OciErrors.response(405, OciErrorCode.UNSUPPORTED, "method not allowed here");
            e.getResponse().getAllowedMethods().forEach(m -> response.header("Allow", m));
        } else if (status == 415) {
            response = OciErrors.response(415, OciErrorCode.UNSUPPORTED, "unsupported media type");
        } else if (status >= 500) {
            response = OciErrors.response(status, OciErrorCode.UNKNOWN, null);
        } else {
            response = OciErrors.response(status, OciErrorCode.UNSUPPORTED, e.getMessage());
        }
        return response.build();
    }
}
