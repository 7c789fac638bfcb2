package io.berth.platform.api;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors the JAX-RS runtime raises itself (no route, wrong method, unreadable JSON) in Harbor's shape, so
 * scripts that parse {@code errors[]} never meet an HTML page.
 */
@Provider
public class ApiWebExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException) {
            return ApiErrors.response(ApiError.NOT_FOUND, "no such API endpoint").build();
        }
        if (e instanceof NotAllowedException) {
            return ApiErrors.response(ApiError.METHOD_NOT_ALLOWED, "method not allowed").build();
        }
        if (status == 415) {
            return ApiErrors.response(ApiError.UNSUPPORTED_MEDIA_TYPE, "unsupported media type").build();
        }
        if (status >= 500) {
            return ApiErrors.response(ApiError.INTERNAL_SERVER_ERROR, null).build();
        }
        if (status == 401) {
            return ApiErrors.response(ApiError.UNAUTHORIZED, "unauthorized").build();
        }
        if (status == 403) {
            return ApiErrors.response(ApiError.FORBIDDEN, "forbidden").build();
        }
        return ApiErrors.response(ApiError.BAD_REQUEST, "invalid request: the body or a parameter could not be read").build();
    }
}
