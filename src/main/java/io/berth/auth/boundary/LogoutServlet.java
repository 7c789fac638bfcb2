package io.berth.auth.boundary;

import io.berth.auth.entity.SessionLogin;
import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** {@code GET /c/log_out}, as Harbor's console: ends the session (if any) and drops the CSRF cookie; always 200. */
@WebServlet(name = "LogoutServlet", urlPatterns = "/c/log_out")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Event<AuditEvent> audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (session.getAttribute(SessionLogin.ATTRIBUTE) instanceof SessionLogin login) {
                audit.fire(AuditEvent.of(Operation.LOGOUT, ResourceType.USER, login.username()).by(login.username()));
            }
            session.invalidate();
        }
        Csrf.clear(request, response);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_OK);
    }
}
