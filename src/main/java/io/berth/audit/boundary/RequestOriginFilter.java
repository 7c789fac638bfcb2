package io.berth.audit.boundary;

import io.berth.audit.control.RequestOrigin;
import io.berth.platform.api.RequestIdFilter;
import io.berth.platform.api.RequestIds;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * At the start of every registry, token, API and console-login request: fixes the request id and sends it back as
 * {@code X-Request-Id} (the API had one from JAX-RS; {@code /v2/} and {@code /service/token} had none), and records
 * client address, user agent and id in {@link RequestOrigin} for the audit entries the request will leave.
 */
@WebFilter(filterName = "RequestOriginFilter", urlPatterns = {"/v2/*", "/api/*", "/service/*", "/c/*"}, asyncSupported = true)
public class RequestOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RequestOrigin origin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(RequestIdFilter.HEADER, RequestIds.of(request));
        origin.capture(request);
        chain.doFilter(request, response);
    }
}
