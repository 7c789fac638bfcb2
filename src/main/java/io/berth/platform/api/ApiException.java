package io.berth.platform.api;

import java.util.Locale;

/**
 * A refused API request: Harbor's code and a message for the caller. Thrown anywhere below a resource and
 * rendered once by {@link ApiExceptionMapper}. Like the registry's errors it captures no stack trace: bad
 * input is an expected outcome.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ApiError error;

    public ApiException(ApiError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public static ApiException of(ApiError error, String format, Object... args) {
        return new ApiException(error, String.format(Locale.ROOT, format, args));
    }

    public static ApiException notFound(String format, Object... args) {
        return of(ApiError.NOT_FOUND, format, args);
    }

    public static ApiException badRequest(String format, Object... args) {
        return of(ApiError.BAD_REQUEST, format, args);
    }

    public ApiError error() {
        return error;
    }
}
