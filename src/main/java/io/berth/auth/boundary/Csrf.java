package io.berth.auth.boundary;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How the CSRF token travels, as Harbor's: the server sends it in the {@code X-Harbor-CSRF-Token} response
 * header and a {@code __csrf} cookie; a cookie-authenticated request that changes state must send it back
 * in the {@code X-Harbor-CSRF-Token} request header. The cookie is readable by scripts on purpose (that is
 * how a page echoes it); the check compares with the copy kept in the server-side session, never with the
 * cookie, so a forged cross-site request that only carries cookies always fails.
 */
final class Csrf {

    static final String HEADER = "X-Harbor-CSRF-Token";
    static final String COOKIE = "__csrf";

    private Csrf() {
    }

    /** Whether a request with this method changes state and so needs the token when a session authenticates it. */
    static boolean changesState(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> true;
        };
    }

    /** Sends {@code token} in the response header and the cookie. */
    static void expose(HttpServletRequest request, HttpServletResponse response, String token) {
        response.setHeader(HEADER, token);
        response.addCookie(cookie(request, token, -1));
    }

    /** Removes the cookie (at logout). */
    static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath("/");
        cookie.setMaxAge(maxAge);
        cookie.setSecure(request.isSecure());
        cookie.setHttpOnly(false);
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }
}
