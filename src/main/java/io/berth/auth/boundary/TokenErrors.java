package io.berth.auth.boundary;

import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiErrors;
import io.berth.platform.api.ApiException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A refused token request in Harbor's error shape. A {@code 401} also asks for Basic credentials, the only kind the
 * token service takes, so that a client that sent none (or wrong ones) knows what to send.
 */
@Provider
public class TokenErrors implements ExceptionMapper<ApiException> {

    static final String BASIC_CHALLENGE = "Basic realm=\"berth\"";

    @Override
    public Response toResponse(ApiException e) {
        Response.ResponseBuilder response = Response.status(e.error().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiErrors.body(e.error(), e.getMessage()));
        if (e.error() == ApiError.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        return response.build();
    }
}
