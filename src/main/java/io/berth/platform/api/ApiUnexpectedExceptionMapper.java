package io.berth.platform.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort for the API: an {@link ApiException} wrapped by an interceptor is answered as itself,
 * unreadable JSON is a 400, and anything else is logged with an id and answered 500 with only that id.
 */
@Provider
public class ApiUnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOGGER = Logger.getLogger(ApiUnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return new ApiExceptionMapper().toResponse(api);
            }
            if (t instanceof JsonbException) {
                return ApiErrors.response(ApiError.BAD_REQUEST, "the request body is not valid JSON for this operation").build();
            }
        }
        String id = UUID.randomUUID().toString();
        LOGGER.log(Level.SEVERE, "Unexpected failure " + id, e);
        return ApiErrors.response(ApiError.INTERNAL_SERVER_ERROR, "internal error " + id).build();
    }
}
