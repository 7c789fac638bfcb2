package io.berth.auth.boundary;

import io.berth.auth.control.Authenticator;
import io.berth.auth.control.SessionCallers;
import io.berth.auth.entity.SessionLogin;
import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.platform.RuntimeSettings;
import io.berth.rbac.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Console sessions, one way for every door: {@code POST /c/login} (Harbor's API login) and the web console's
 * sign-in page both start a session here, and a session started by either serves both, so the console's pages and
 * the REST API (with the CSRF header) share one login.
 * <ul>
 * <li>{@link #signIn}: checks the credentials through the {@link Authenticator} (so five failures lock the account,
 * as on every door), refuses robot accounts (they have no console, as in Harbor), invalidates any session the
 * browser had (no session fixation), starts a new one that lives {@code session_timeout} minutes of inactivity,
 * exposes its CSRF token and records the login, successful or not, in the audit trail.</li>
 * <li>{@link #resume}: the caller a request's session stands for now (the user row is read again).</li>
 * <li>{@link #signOut}: records the logout, ends the session and drops the CSRF cookie.</li>
 * </ul>
 */
@ApplicationScoped
public class ConsoleSessions {

    /** Minutes of inactivity after which a session ends when {@code session_timeout} is not set (Harbor's default). */
    public static final int DEFAULT_TIMEOUT_MINUTES = 60;

    @Inject
    Authenticator authenticator;

    @Inject
    SessionCallers sessions;

    @Inject
    RuntimeSettings settings;

    @Inject
    Event<AuditEvent> audit;

    /**
     * Signs a user in, from {@code door} ("console" or "API", for the audit trail); empty, and audited as a failed
     * login, for wrong or locked credentials, unknown users and robot accounts.
     */
    public Optional<SessionLogin> signIn(HttpServletRequest request, HttpServletResponse response, String principal,
            String password, String door) {
        Optional<Caller> caller = principal == null || password == null || principal.startsWith(Authenticator.ROBOT_PREFIX)
                ? Optional.empty()
                : authenticator.authenticate(principal, password);
        if (caller.isEmpty() || !(caller.get() instanceof Caller.UserCaller user)) {
            String name = principal == null ? "" : principal;
            audit.fire(AuditEvent.of(Operation.LOGIN, ResourceType.USER, name).by(name)
                    .failed(door + ": invalid user name or password"));
            return Optional.empty();
        }
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval(timeoutMinutes() * 60);
        SessionLogin login = sessions.start(user);
        session.setAttribute(SessionLogin.ATTRIBUTE, login);
        Csrf.expose(request, response, login.csrfToken());
        response.setHeader("Cache-Control", "no-store");
        audit.fire(AuditEvent.of(Operation.LOGIN, ResourceType.USER, user.name()).by(user.name()).describedAs(door));
        return Optional.of(login);
    }

    /** The session's login, if the request has a session with one. */
    public Optional<SessionLogin> login(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return session.getAttribute(SessionLogin.ATTRIBUTE) instanceof SessionLogin login
                    ? Optional.of(login) : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    /**
     * The caller the request's session stands for now; empty without a signed-in session, and for a session whose
     * user is gone, which is then ended.
     */
    public Optional<Caller> resume(HttpServletRequest request) {
        Optional<SessionLogin> login = login(request);
        if (login.isEmpty()) {
            return Optional.empty();
        }
        Optional<Caller> caller = sessions.resume(login.get());
        if (caller.isEmpty()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        return caller;
    }

    /** Ends the request's session, if any, recording the logout of a signed-in one, and drops the CSRF cookie. */
    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            login(request).ifPresent(login -> audit.fire(
                    AuditEvent.of(Operation.LOGOUT, ResourceType.USER, login.username()).by(login.username())));
            session.invalidate();
        }
        Csrf.clear(request, response);
        response.setHeader("Cache-Control", "no-store");
    }

    private int timeoutMinutes() {
        int minutes = settings.getInt("session_timeout", DEFAULT_TIMEOUT_MINUTES);
        return minutes > 0 ? minutes : DEFAULT_TIMEOUT_MINUTES;
    }
}
