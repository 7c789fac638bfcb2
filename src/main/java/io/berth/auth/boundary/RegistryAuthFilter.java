package io.berth.auth.boundary;

import io.berth.auth.control.RegistryAuthorizer;
import io.berth.auth.entity.AccessDecision;
import io.berth.auth.entity.Credentials;
import io.berth.auth.entity.RequiredAccess;
import io.berth.platform.api.RequestIdFilter;
import io.berth.platform.api.RequestIds;
import io.berth.rbac.control.CallerContext;
import io.berth.registry.entity.OciErrorBody;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RequestGrant;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Authentication and authorisation of the OCI API, decided once per request from method and path before any
 * resource runs (distribution's access controller, Harbor's {@code v2auth} middleware). It reads what the request
 * needs ({@link RequiredAccess}), lets {@link RegistryAuthorizer} decide on the credentials, and then either passes
 * the request on with its caller in {@link CallerContext} and a {@link RequestGrant} for the registry, or answers
 * itself: {@code 401} with a challenge ({@link Challenges}) or {@code 403 DENIED}, both with the OCI error body
 * (none for HEAD) and {@code Docker-Distribution-API-Version}.
 * <p>
 * A plain servlet filter, so a refused request never reaches JAX-RS and an allowed one costs a map lookup for a
 * token seen before and one indexed project query.
 */
@WebFilter(filterName = "RegistryAuthFilter", urlPatterns = "/v2/*", asyncSupported = true)
public class RegistryAuthFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(RegistryAuthFilter.class.getName());

    @Inject
    transient RegistryAuthorizer authorizer;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Challenges challenges;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        RequiredAccess need = RequiredAccess.of(request.getMethod(), registryPath(request),
                queryParameter(query, "mount"), queryParameter(query, "from"));
        AccessDecision decision = authorizer.decide(Credentials.parse(request.getHeader("Authorization")), need);
        switch (decision.outcome()) {
            case ALLOW -> {
                callers.set(decision.caller());
                request.setAttribute(RequestGrant.ATTRIBUTE, decision.grant());
                chain.doFilter(request, response);
            }
            case CHALLENGE -> {
                LOGGER.log(Level.FINE, "401 for {0} {1}: {2}", new Object[] {request.getMethod(), request.getRequestURI(), decision.reason()});
                response.setHeader("WWW-Authenticate", challenges.bearer(request, need, decision.error()));
                refuse(request, response, OciErrorCode.UNAUTHORIZED, need);
            }
            case DENY -> {
                LOGGER.log(Level.FINE, "403 for {0} {1}: {2}", new Object[] {request.getMethod(), request.getRequestURI(), decision.reason()});
                refuse(request, response, OciErrorCode.DENIED, need);
            }
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, OciErrorCode code,
            RequiredAccess need) throws IOException {
        response.setStatus(code.status());
        response.setHeader("Docker-Distribution-API-Version", "registry/2.0");
        response.setHeader(RequestIdFilter.HEADER, RequestIds.of(request));
        response.setContentType("application/json");
        byte[] body = OciErrorBody.render(code, Challenges.detail(need)).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * The path after {@code /v2} as JAX-RS will route it: from the raw request URI, percent-decoded, and not from
     * {@code getPathInfo()}, which the container normalises ({@code //} becomes {@code /}), so that the name
     * authorised here is the name the resource sees. Should the two still disagree about some path, the registry's
     * {@code AuthorizedRoute} refuses the request.
     */
    static String registryPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        try {
            // A path is not a form: '+' stays '+'.
            uri = URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Not decodable: parsed as it is, which names no valid repository.
        }
        String prefix = request.getContextPath() + "/v2";
        // The container mapped the request here, so the prefix is there unless it was spelled oddly; an odd
        // spelling is parsed whole and so names no route the registry serves.
        return uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
    }

    /**
     * One query parameter, decoded, read from the query string rather than with {@code getParameter}, which would
     * consume a form-encoded request body: an upload's body must reach the registry untouched.
     */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
