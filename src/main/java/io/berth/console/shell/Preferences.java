package io.berth.console.shell;

import io.berth.rbac.boundary.Users;
import io.berth.rbac.control.CallerContext;
import io.berth.rbac.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a visitor chose for the console: language, theme, date format, pull-command style and the page size of every
 * table, kept in this browser (a cookie, so anonymous visitors have preferences too and any node reads them without a
 * query), as Harbor keeps them. The page size is also kept with a signed-in user ({@code Users.saveConsolePageSize}),
 * so that it follows the user to another browser, and two people sharing a browser each keep their own (the cookie
 * names its user). The time zone is the browser's, reported by {@code console.js} in a cookie of its own.
 * <p>
 * Every value is checked against a fixed set when read, so a forged cookie can only choose among the offered values.
 */
@Named
@RequestScoped
public class Preferences {

    static final String COOKIE = "berth_prefs";
    /** The key naming, in the cookie, the user whose page size it holds. */
    static final String USER = "u";
    static final String ROWS = "rows";
    static final String TIME_ZONE_COOKIE = "berth_tz";
    static final int ONE_YEAR = 365 * 24 * 3600;

    /** Languages the console speaks, by Faces locale id. */
    public static final List<String> LANGUAGES = List.of("en", "zh_CN");
    public static final List<String> THEMES = List.of("light", "dark");
    public static final List<String> DATE_FORMATS = List.of("locale", "iso");
    /** Clients whose pull commands the console shows. */
    public static final List<String> PULL_STYLES = List.of("docker", "podman", "skopeo", "crane", "oras");
    public static final List<Integer> PAGE_SIZES = List.of(10, 15, 25, 50, 100);

    @Inject
    CallerContext callers;

    @Inject
    Users users;

    private Map<String, String> values;
    private boolean pageSizeChanged;
    private ZoneId zone;

    /** The chosen language, or empty for the browser's. */
    public String getLanguage() {
        return value("lang", Set.copyOf(LANGUAGES), "");
    }

    public void setLanguage(String language) {
        put("lang", language != null && LANGUAGES.contains(language) ? language : "");
    }

    /** The locale pages render in: the chosen language, else the best the browser asks for. */
    public Locale getLocale() {
        String language = getLanguage();
        if (!language.isEmpty()) {
            return Locale.forLanguageTag(language.replace('_', '-'));
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getViewHandler().calculateLocale(faces);
    }

    public String getTheme() {
        return value("theme", Set.copyOf(THEMES), "light");
    }

    public void setTheme(String theme) {
        put("theme", theme != null && THEMES.contains(theme) ? theme : "light");
    }

    public boolean isDark() {
        return "dark".equals(getTheme());
    }

    /** The PrimeFaces theme of the chosen look ({@code primefaces.THEME} in web.xml). */
    public String getPrimeFacesTheme() {
        return isDark() ? "arya-blue" : "saga-blue";
    }

    public String getDateFormat() {
        return value("date", Set.copyOf(DATE_FORMATS), "locale");
    }

    public void setDateFormat(String format) {
        put("date", format != null && DATE_FORMATS.contains(format) ? format : "locale");
    }

    public String getPullStyle() {
        return value("pull", Set.copyOf(PULL_STYLES), "docker");
    }

    public void setPullStyle(String style) {
        put("pull", style != null && PULL_STYLES.contains(style) ? style : "docker");
    }

    /** Rows per table page, the same for every table. */
    public int getPageSize() {
        try {
            int size = Integer.parseInt(value(ROWS, null, "15"));
            return PAGE_SIZES.contains(size) ? size : 15;
        } catch (NumberFormatException e) {
            return 15;
        }
    }

    public void setPageSize(int size) {
        String rows = Integer.toString(PAGE_SIZES.contains(size) ? size : 15);
        pageSizeChanged |= !rows.equals(values().get(ROWS));
        put(ROWS, rows);
    }

    /** {@code "10,15,25,50,100"}, for a paginator's rows-per-page choice. */
    public String getPageSizeChoices() {
        return String.join(",", PAGE_SIZES.stream().map(String::valueOf).toList());
    }

    /** The browser's time zone, UTC until the browser has told it. */
    public ZoneId getZone() {
        if (zone == null) {
            zone = ZoneId.of("UTC");
            String reported = cookie(TIME_ZONE_COOKIE);
            if (reported != null && reported.length() < 96) {
                try {
                    zone = ZoneId.of(URLDecoder.decode(reported, StandardCharsets.UTF_8));
                } catch (DateTimeException | IllegalArgumentException e) {
                    // an unknown zone keeps UTC
                }
            }
        }
        return zone;
    }

    /** Keeps the current values in this browser for a year and a changed page size with a signed-in user. */
    public void save() {
        writeCookie(encoded());
        if (pageSizeChanged && callers.get() instanceof Caller.UserCaller) {
            users.saveConsolePageSize(callers.get(), getPageSize());
            pageSizeChanged = false;
        }
    }

    private String encoded() {
        StringBuilder encoded = new StringBuilder();
        values().forEach((key, value) -> {
            if (!encoded.isEmpty()) {
                encoded.append('&');
            }
            encoded.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return encoded.toString();
    }

    private void writeCookie(String encoded) {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
        Cookie cookie = new Cookie(COOKIE, encoded);
        cookie.setPath("/");
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private String value(String key, Set<String> allowed, String fallback) {
        String value = values().get(key);
        return value == null || (allowed != null && !allowed.contains(value)) ? fallback : value;
    }

    private void put(String key, String value) {
        values().put(key, value);
    }

    /**
     * The values, read once per request from this browser's cookie; when a signed-in user finds there another
     * user's page size (or none), the user's own takes its place here.
     */
    private Map<String, String> values() {
        if (values == null) {
            values = parse(cookie(COOKIE));
            if (callers.get() instanceof Caller.UserCaller user && !Long.toString(user.id()).equals(values.get(USER))) {
                values.remove(ROWS);
                users.consolePageSize(user).ifPresent(rows -> values.put(ROWS, rows.toString()));
                values.put(USER, Long.toString(user.id()));
                FacesContext faces = FacesContext.getCurrentInstance();
                if (faces != null && !faces.getExternalContext().isResponseCommitted()) {
                    writeCookie(encoded());
                }
            }
        }
        return values;
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (raw != null && raw.length() <= 512) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    try {
                        parsed.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException malformed) {
                        // a broken value is as if it were not there
                    }
                }
            }
        }
        return parsed;
    }

    private static String cookie(String name) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return null;
        }
        Object cookie = faces.getExternalContext().getRequestCookieMap().get(name);
        return cookie instanceof Cookie c ? c.getValue() : null;
    }
}
