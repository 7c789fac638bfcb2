package io.berth.platform.api;

import java.util.Locale;

/**
 * Fuzzy matches for {@code LIKE}: the caller's text is escaped, so {@code %} and {@code _} in a search are
 * literal characters, never wildcards the caller controls. The escape character is {@code !} rather than a
 * backslash, which MariaDB would read as a string escape. Use with {@code LIKE :p ESCAPE '!'} on a lower-cased column.
 */
public final class Likes {

    private Likes() {
    }

    /** {@code %text%}, lower case, escaped. */
    public static String containing(String text) {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
    }

    static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
