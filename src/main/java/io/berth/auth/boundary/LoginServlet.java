package io.berth.auth.boundary;

import io.berth.platform.api.ApiError;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /c/login} with the form fields {@code principal} and {@code password}, as Harbor's console: 200,
 * a new session and its CSRF token ({@code X-Harbor-CSRF-Token} header and {@code __csrf} cookie); 401 with
 * the same body for a wrong password, an unknown or locked user and a robot account (robots have no console,
 * as in Harbor). Any session the browser had is invalidated first, so the login always gets a new session id
 * (no session fixation). The session lives {@code session_timeout} minutes of inactivity (default 60). The web
 * console's sign-in page starts the same kind of session through {@link ConsoleSessions}.
 */
@WebServlet(name = "LoginServlet", urlPatterns = "/c/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ConsoleSessions sessions;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (sessions.signIn(request, response, request.getParameter("principal"), request.getParameter("password"),
                "console").isEmpty()) {
            ApiErrorResponses.send(request, response, ApiError.UNAUTHORIZED, "invalid user name or password");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
    }
}
