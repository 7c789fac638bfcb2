package io.berth.auth.boundary;

import io.berth.platform.BerthConfig;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;

/**
 * Hardens the session cookie before the first request: HttpOnly (scripts never see the session id),
 * SameSite=Lax (other sites cannot ride on it with POSTs; the CSRF token covers the rest), sessions tracked
 * by cookie only (never a {@code ;jsessionid=} in a URL, where logs and Referer headers would keep it).
 * <p>
 * Secure: Payara marks the session cookie Secure whenever the request came over HTTPS (its "dynamic" default,
 * kept by not setting the flag here); behind a TLS-terminating proxy Berth sees plain HTTP, so an
 * {@code https} external URL ({@code BERTH_EXTERNAL_URL}) forces the flag on.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Inject
    BerthConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        if (config.externalUrl().map(url -> "https".equalsIgnoreCase(url.getScheme())).orElse(false)) {
            cookie.setSecure(true);
        }
        event.getServletContext().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    }
}
