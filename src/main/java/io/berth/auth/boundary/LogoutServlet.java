package io.berth.auth.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /c/log_out}, as Harbor's console: ends the session (if any) and drops the CSRF cookie; always 200. */
@WebServlet(name = "LogoutServlet", urlPatterns = "/c/log_out")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ConsoleSessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        sessions.signOut(request, response);
        response.setStatus(HttpServletResponse.SC_OK);
    }
}
