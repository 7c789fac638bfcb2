package io.berth.registry.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A request the registry API refuses, carrying everything the error response needs: the
 * {@link OciErrorCode}, a detail for the client, extra response headers and, rarely, a status that differs
 * from the code's.
 * <p>
 * It is thrown from value parsing ({@link Digest#parse}, {@link RepositoryName}, {@link ManifestParser}, ...)
 * as well as from the services, and turned into the JSON body by the API layer, so nothing below the
 * boundary needs to know about HTTP responses. Headers matter for some errors: a 416 on a blob GET must say
 * {@code Content-Range: bytes *}{@code /<size>}, a 416 on an upload chunk tells the client where to resume
 * with {@code Range}, and a 401 needs its {@code WWW-Authenticate} challenge.
 * <p>
 * No stack trace is captured: these are expected outcomes of bad client input, thrown often, and the trace
 * would only point at the validation line. A wrapped cause keeps its own trace.
 */
public class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Longest excerpt of client input echoed in a detail; hostile input must not inflate error bodies. */
    private static final int MAX_ECHO = 80;

    private final OciErrorCode code;
    private final String detail;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int status;
    private String message;

    public RegistryException(OciErrorCode code, String detail) {
        this(code, detail, null);
    }

    public RegistryException(OciErrorCode code, String detail, Throwable cause) {
        super(code.name() + (detail == null ? "" : ": " + detail), cause, false, false);
        this.code = code;
        this.detail = detail;
        this.status = code.status();
    }

    /** A new exception whose detail is {@code String.format(detailFormat, args)} (ROOT locale). */
    public static RegistryException of(OciErrorCode code, String detailFormat, Object... args) {
        return new RegistryException(code, String.format(Locale.ROOT, detailFormat, args));
    }

    /**
     * A manifest larger than the registry accepts. The specification says a registry SHOULD answer 413
     * ("Payload Too Large") and has no code for it; distribution answers 400 with {@code MANIFEST_INVALID}.
     * Berth keeps the code and uses the specification's status, as zot does, so clients that only read the
     * code still see MANIFEST_INVALID.
     */
    public static RegistryException manifestTooLarge(long size, long limit) {
        return of(OciErrorCode.MANIFEST_INVALID, "manifest is %d bytes, the limit is %d bytes", size, limit)
                .withStatus(413);
    }

    /** Adds (or replaces) a response header; returns this exception for chaining. */
    public RegistryException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Overrides the HTTP status of {@link #code()} for this one response; returns this exception. */
    public RegistryException withStatus(int httpStatus) {
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("not an error status: " + httpStatus);
        }
        this.status = httpStatus;
        return this;
    }

    /**
     * Replaces the code's catalogue message for this one response; returns this exception. For refusals whose
     * reason clients should show, since Docker prints the {@code message} and never the {@code detail} (a push over
     * quota, where Harbor's own text is in the message).
     */
    public RegistryException withMessage(String errorMessage) {
        this.message = errorMessage;
        return this;
    }

    public OciErrorCode code() {
        return code;
    }

    /** The {@code message} for the error body: the code's own unless replaced with {@link #withMessage(String)}. */
    public String errorMessage() {
        return message != null ? message : code.message();
    }

    /** The {@code detail} for the error body; may be null. */
    public String detail() {
        return detail;
    }

    /** Extra response headers, in insertion order; unmodifiable view. */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    /** The HTTP status to send: the code's own unless overridden with {@link #withStatus(int)}. */
    public int status() {
        return status;
    }

    /**
     * Client input quoted for a detail: Java-style quotes, control characters escaped and long input cut,
     * so a detail never carries megabytes or terminal escapes back to the caller or into logs.
     */
    static String quote(String input) {
        if (input == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(input.length(), MAX_ECHO) + 8).append('"');
        int limit = Math.min(input.length(), MAX_ECHO);
        for (int i = 0; i < limit; i++) {
            char c = input.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (input.length() > MAX_ECHO) {
            out.append("...(").append(input.length()).append(" chars)");
        }
        return out.append('"').toString();
    }
}
