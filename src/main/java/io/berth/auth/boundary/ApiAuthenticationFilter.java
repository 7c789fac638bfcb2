package io.berth.auth.boundary;

import io.berth.auth.control.Authenticator;
import io.berth.auth.control.CsrfTokens;
import io.berth.auth.control.SessionCallers;
import io.berth.auth.entity.Credentials;
import io.berth.auth.entity.SessionLogin;
import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.platform.api.ApiError;
import io.berth.rbac.control.CallerContext;
import io.berth.rbac.entity.Caller;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * Establishes the caller of every {@code /api/} request, once, in {@link CallerContext}:
 * <ol>
 * <li>{@code Authorization: Basic} (users and robot accounts) through the {@link Authenticator}; wrong,
 * unreadable, locked or unknown credentials are one and the same 401, so the answer never tells whether an
 * account exists. Basic calls need no CSRF token: a browser never adds that header on its own.</li>
 * <li>else the console session of {@code POST /c/login}; a session request that changes state (POST, PUT,
 * PATCH, DELETE) must carry the session's CSRF token in {@code X-Harbor-CSRF-Token}, else 403. Every session
 * response carries the token, so a page can always pick it up.</li>
 * <li>else anonymous; resources decide what anonymous callers may see.</li>
 * </ol>
 * Any other {@code Authorization} (a Bearer token, which belongs to {@code /v2/}, an unknown scheme, a Basic value
 * that cannot be read) is the same 401: a client that meant to authenticate must not silently get anonymous answers.
 */
@WebFilter(filterName = "ApiAuthenticationFilter", urlPatterns = "/api/*", asyncSupported = true)
public class ApiAuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CallerContext callerContext;

    @Inject
    transient Authenticator authenticator;

    @Inject
    transient SessionCallers sessions;

    @Inject
    transient Event<AuditEvent> audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Credentials credentials = Credentials.parse(request.getHeader("Authorization"));
        if (!(credentials instanceof Credentials.None)) {
            Optional<Caller> caller = credentials instanceof Credentials.Basic basic
                    ? authenticator.authenticate(basic.username(), basic.password())
                    : Optional.empty();
            if (caller.isEmpty()) {
                // Only failures: a successful Basic call is recorded by what it does, not as a login per request.
                String name = credentials instanceof Credentials.Basic basic ? basic.username() : "";
                audit.fire(AuditEvent.of(Operation.LOGIN, ResourceType.USER, name).by(name).failed("API: invalid credentials"));
                ApiErrorResponses.send(request, response, ApiError.UNAUTHORIZED, "invalid credentials");
                return;
            }
            callerContext.set(caller.get());
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        SessionLogin login = session == null ? null : attribute(session);
        if (login != null) {
            Optional<Caller> caller = sessions.resume(login);
            if (caller.isEmpty()) {
                session.invalidate();
            } else {
                if (Csrf.changesState(request.getMethod())
                        && !CsrfTokens.matches(login.csrfToken(), request.getHeader(Csrf.HEADER))) {
                    ApiErrorResponses.send(request, response, ApiError.FORBIDDEN, "CSRF token invalid");
                    return;
                }
                response.setHeader(Csrf.HEADER, login.csrfToken());
                callerContext.set(caller.get());
            }
        }
        chain.doFilter(request, response);
    }

    private static SessionLogin attribute(HttpSession session) {
        try {
            return session.getAttribute(SessionLogin.ATTRIBUTE) instanceof SessionLogin login ? login : null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
