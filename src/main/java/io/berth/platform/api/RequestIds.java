package io.berth.platform.api;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one request id of a request, whoever asks first: a servlet filter, an error written before JAX-RS runs,
 * the API's {@link RequestIdFilter} or the audit trail. The first call decides it ({@link RequestIdFilter#idFor})
 * and keeps it as a request attribute, which Jersey also exposes as a request property, so the
 * {@code X-Request-Id} a client sees is the one its audit entries carry.
 */
public final class RequestIds {

    private RequestIds() {
    }

    public static String of(HttpServletRequest request) {
        if (request.getAttribute(RequestIdFilter.PROPERTY) instanceof String id) {
            return id;
        }
        String id = RequestIdFilter.idFor(request.getHeader(RequestIdFilter.HEADER));
        request.setAttribute(RequestIdFilter.PROPERTY, id);
        return id;
    }
}
