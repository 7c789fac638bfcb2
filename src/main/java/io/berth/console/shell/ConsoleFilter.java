package io.berth.console.shell;

import io.berth.auth.boundary.ConsoleSessions;
import io.berth.platform.api.RequestIdFilter;
import io.berth.platform.api.RequestIds;
import io.berth.rbac.control.CallerContext;
import io.berth.rbac.entity.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * In front of every console page ({@code /console/*}): establishes the caller from the session that
 * {@link ConsoleSessions} started (the sign-in page or {@code POST /c/login}), so that backing beans hand the
 * facades the same {@link Caller} the REST API would; sends anonymous visitors of the pages that need an account
 * (administration, one's own account) to the sign-in page; and sets the headers that keep the console out of
 * frames and caches, with the request's {@code X-Request-Id} (the one its audit entries carry).
 * <p>
 * The rest of the console is open to anonymous visitors, who see what the facades show them: public projects,
 * read only. This filter only decides who is calling and where a visitor must sign in first; what a caller may do
 * is decided by the facades, on every request.
 */
@WebFilter(filterName = "ConsoleFilter", urlPatterns = "/console/*")
public class ConsoleFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Where a visitor signs in; {@code continue} names the page to go back to. */
    public static final String SIGN_IN = "/console/account/sign-in";
    private static final List<String> ACCOUNT_NEEDED = List.of("/console/admin/", "/console/account/");
    private static final List<String> OPEN = List.of(SIGN_IN, "/console/account/sign-up");

    @Inject
    transient ConsoleSessions sessions;

    @Inject
    transient CallerContext callers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(RequestIdFilter.HEADER, RequestIds.of(request));
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
        Caller caller = sessions.resume(request).orElse(Caller.ANONYMOUS);
        callers.set(caller);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (caller.isAnonymous() && needsAccount(path)) {
            String target = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            redirect(request, response, request.getContextPath() + SIGN_IN + "?continue="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean needsAccount(String path) {
        return OPEN.stream().noneMatch(path::equals) && ACCOUNT_NEEDED.stream().anyMatch(path::startsWith);
    }

    /** A redirect that a Faces ajax request follows too (it would parse a plain 302's HTML as its answer). */
    static void redirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                    + "<redirect url=\"%s\"></redirect></partial-response>", url.replace("&", "&amp;").replace("\"", "&quot;"));
        } else {
            response.sendRedirect(url);
        }
    }
}
