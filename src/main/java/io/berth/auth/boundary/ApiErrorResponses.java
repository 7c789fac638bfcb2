package io.berth.auth.boundary;

import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiErrors;
import io.berth.platform.api.RequestIdFilter;
import io.berth.platform.api.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers from servlets and filters that run before JAX-RS (authentication, CSRF, console login) in the API's
 * own shape: Harbor's error JSON and an {@code X-Request-Id}, so a script cannot tell who refused it.
 */
final class ApiErrorResponses {

    private ApiErrorResponses() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, ApiError error, String message)
            throws IOException {
        response.resetBuffer();
        response.setStatus(error.status());
        response.setHeader(RequestIdFilter.HEADER, RequestIds.of(request));
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ApiErrors.body(error, message));
    }
}
