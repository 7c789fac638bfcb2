package io.berth.console.shell;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Times as the visitor reads them: in the browser's time zone, as ISO 8601 or in the page language's own style
 * ({@link Preferences}). Pages call {@code #{dates.format(p.creationTime)}}.
 */
@Named
@RequestScoped
public class Dates {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    Preferences preferences;

    /** The instant as text; empty for none. */
    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        DateTimeFormatter formatter = "iso".equals(preferences.getDateFormat())
                ? ISO
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(preferences.getLocale());
        return formatter.format(instant.atZone(preferences.getZone()));
    }
}
