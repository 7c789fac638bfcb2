package io.berth.auth.boundary;

import io.berth.auth.control.Authenticator;
import io.berth.auth.control.SessionCallers;
import io.berth.auth.entity.SessionLogin;
import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.platform.RuntimeSettings;
import io.berth.platform.api.ApiError;
import io.berth.rbac.entity.Caller;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /c/login} with the form fields {@code principal} and {@code password}, as Harbor's console: 200,
 * a new session and its CSRF token ({@code X-Harbor-CSRF-Token} header and {@code __csrf} cookie); 401 with
 * the same body for a wrong password, an unknown or locked user and a robot account (robots have no console,
 * as in Harbor). Any session the browser had is invalidated first, so the login always gets a new session id
 * (no session fixation). The session lives {@code session_timeout} minutes of inactivity (default 60).
 */
@WebServlet(name = "LoginServlet", urlPatterns = "/c/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int DEFAULT_TIMEOUT_MINUTES = 60;

    @Inject
    transient Authenticator authenticator;

    @Inject
    transient SessionCallers sessions;

    @Inject
    transient RuntimeSettings settings;

    @Inject
    transient Event<AuditEvent> audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String principal = request.getParameter("principal");
        String password = request.getParameter("password");
        Optional<Caller> caller = principal == null || password == null || principal.startsWith(Authenticator.ROBOT_PREFIX)
                ? Optional.empty()
                : authenticator.authenticate(principal, password);
        if (caller.isEmpty() || !(caller.get() instanceof Caller.UserCaller user)) {
            String name = principal == null ? "" : principal;
            audit.fire(AuditEvent.of(Operation.LOGIN, ResourceType.USER, name).by(name).failed("console: invalid user name or password"));
            ApiErrorResponses.send(request, response, ApiError.UNAUTHORIZED, "invalid user name or password");
            return;
        }
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        HttpSession session = request.getSession(true);
        int minutes = settings.getInt("session_timeout", DEFAULT_TIMEOUT_MINUTES);
        session.setMaxInactiveInterval((minutes > 0 ? minutes : DEFAULT_TIMEOUT_MINUTES) * 60);
        SessionLogin login = sessions.start(user);
        session.setAttribute(SessionLogin.ATTRIBUTE, login);
        Csrf.expose(request, response, login.csrfToken());
        response.setHeader("Cache-Control", "no-store");
        audit.fire(AuditEvent.of(Operation.LOGIN, ResourceType.USER, user.name()).by(user.name()).describedAs("console"));
        response.setStatus(HttpServletResponse.SC_OK);
    }
}
