package io.berth.auth.entity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * What a request's {@code Authorization} header carries: nothing, HTTP Basic (a user or robot name and its
 * password or secret), a Bearer token, or something Berth does not accept. The secrets never appear in
 * {@link Object#toString()}, so a credential can end up in a log line or an exception message without leaking.
 */
public sealed interface Credentials permits Credentials.None, Credentials.Basic, Credentials.Bearer, Credentials.Unsupported {

    /** Longest header read; anything longer is {@link Unsupported} (a token is about a kilobyte). */
    int MAX_LENGTH = 16 * 1024;

    /** The credentials in an {@code Authorization} header value (null when absent). */
    static Credentials parse(String header) {
        if (header == null || header.isBlank()) {
            return new None();
        }
        if (header.length() > MAX_LENGTH) {
            return new Unsupported();
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return new Unsupported();
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String rest = value.substring(space + 1).strip();
        return switch (scheme) {
            case "bearer" -> rest.isEmpty() ? new Unsupported() : new Bearer(rest);
            case "basic" -> basic(rest);
            default -> new Unsupported();
        };
    }

    private static Credentials basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Unsupported();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? new Unsupported() : new Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** No {@code Authorization} header. */
    record None() implements Credentials {
    }

    /** HTTP Basic: a user or robot name and its password or secret. */
    record Basic(String username, String password) implements Credentials {
        @Override
        public String toString() {
            return "Basic[" + username + "]";
        }
    }

    /** A Bearer token, unverified. */
    record Bearer(String token) implements Credentials {
        @Override
        public String toString() {
            return "Bearer[...]";
        }
    }

    /** A scheme Berth does not accept, or a malformed value. */
    record Unsupported() implements Credentials {
    }
}
