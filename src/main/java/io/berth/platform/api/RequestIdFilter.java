package io.berth.platform.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every API response carries {@code X-Request-Id}, as Harbor's: the caller's own id when it sent a sane one,
 * else a new UUID, so a failing script's request can be found in the logs and, later, the audit trail.
 */
@Provider
@PreMatching
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    static final String PROPERTY = "berth.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public void filter(ContainerRequestContext request) {
        // A servlet filter may have fixed the id already (RequestIds); Jersey shows request attributes as properties.
        if (!(request.getProperty(PROPERTY) instanceof String)) {
            request.setProperty(PROPERTY, idFor(request.getHeaderString(HEADER)));
        }
    }

    /** The caller's id when it is sane, else a new one; also for servlet filters that answer before JAX-RS. */
    public static String idFor(String given) {
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        response.getHeaders().putSingle(HEADER, id != null ? id : UUID.randomUUID().toString());
    }
}
