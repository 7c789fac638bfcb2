package io.berth.audit.control;

import io.berth.platform.api.RequestIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the current request comes from: client address, user agent and request id, for the audit entries the
 * request leaves. {@code io.berth.audit.boundary.RequestOriginFilter} fills it at the start of every request; an
 * event fired by a filter that ran before that one (a refused login) is served from the request CDI knows, so no
 * entry depends on the order of annotated filters, which the servlet specification leaves open. Outside an HTTP
 * request (a timer) it is {@link Origin#NONE}.
 */
@RequestScoped
public class RequestOrigin {

    static final int MAX_USER_AGENT = 512;

    @Inject
    ClientAddresses addresses;

    @Inject
    HttpServletRequest current;

    private Origin origin;

    /** What a request's audit entries record about where it came from. */
    public record Origin(String clientIp, String userAgent, String requestId) {
        public static final Origin NONE = new Origin(null, null, null);
    }

    public void capture(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        origin = new Origin(addresses.clientIp(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")),
                agent == null ? null : agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent,
                RequestIds.of(request));
    }

    public Origin get() {
        if (origin == null) {
            try {
                capture(current);
            } catch (RuntimeException noHttpRequest) {
                origin = Origin.NONE;
            }
        }
        return origin;
    }
}
