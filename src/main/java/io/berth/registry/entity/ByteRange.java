package io.berth.registry.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * The part of a blob a {@code GET /v2/<name>/blobs/<digest>} with a {@code Range} header asks for, resolved
 * against the blob's size.
 * <p>
 * The specification asks registries to support {@code Range} per RFC 9110 so interrupted pulls can resume.
 * Berth serves one range: {@code bytes=first-last}, {@code bytes=first-} and {@code bytes=-suffix}. The
 * outcomes follow RFC 9110 section 14:
 * <ul>
 * <li>No header, another unit, several ranges, or text that is not a byte-range at all: {@link Optional#empty()},
 * and the caller serves the whole blob with 200. A server MAY ignore {@code Range}; multipart responses are
 * something no registry client asks for.</li>
 * <li>A well-formed range that cannot be satisfied (first byte at or past the end, a zero-length suffix) or
 * is invalid (last before first): {@link OciErrorCode#RANGE_INVALID} (416) with
 * {@code Content-Range: bytes *}{@code /<size>}, as RFC 9110 requires for 416.</li>
 * <li>Otherwise the range, with the last byte clamped to the end of the blob; the caller answers 206 with
 * {@link #contentRangeHeader()}.</li>
 * </ul>
 * An empty blob ignores every range (the whole, empty body is always a correct answer), instead of
 * answering 416 to a client that resumes at offset 0.
 *
 * @param start        first byte, inclusive
 * @param endInclusive last byte, inclusive
 * @param totalSize    size of the whole blob
 */
public record ByteRange(long start, long endInclusive, long totalSize) {

    private static final String UNIT = "bytes";

    public ByteRange {
        if (start < 0 || endInclusive < start || endInclusive >= totalSize) {
            throw new IllegalArgumentException("invalid range " + start + "-" + endInclusive + " of " + totalSize);
        }
    }

    /**
     * Resolves a {@code Range} request header against a blob of {@code size} bytes.
     *
     * @return the range to serve, or empty to serve the whole blob
     * @throws RegistryException {@link OciErrorCode#RANGE_INVALID} (416, with {@code Content-Range}) if the
     *                           range is invalid or unsatisfiable
     */
    public static Optional<ByteRange> parse(String rangeHeader, long size) {
        if (rangeHeader == null || size <= 0) {
            return Optional.empty();
        }
        String header = rangeHeader.trim();
        int equals = header.indexOf('=');
        if (equals < 0 || !header.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals(UNIT)) {
            return Optional.empty();
        }
        // range-set = 1#range-spec; list syntax allows empty elements, so "bytes=0-9," is one range.
        String spec = null;
        for (String element : header.substring(equals + 1).split(",", -1)) {
            String trimmed = element.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (spec != null) {
                return Optional.empty(); // several ranges: serve the whole blob
            }
            spec = trimmed;
        }
        if (spec == null) {
            return Optional.empty();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String first = spec.substring(0, dash);
        String last = spec.substring(dash + 1);
        if (!isDigits(first, true) || !isDigits(last, true) || (first.isEmpty() && last.isEmpty())) {
            return Optional.empty();
        }
        if (first.isEmpty()) {
            long suffix = parseClamped(last);
            if (suffix == 0) {
                throw unsatisfiable(size, "a zero-length suffix range selects nothing");
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1, size));
        }
        long from = parseClamped(first);
        long to = last.isEmpty() ? size - 1 : parseClamped(last);
        if (to < from) {
            throw unsatisfiable(size, "range " + from + "-" + to + " ends before it starts");
        }
        if (from >= size) {
            throw unsatisfiable(size, "range starts at byte " + from + " but the blob has " + size + " bytes");
        }
        return Optional.of(new ByteRange(from, Math.min(to, size - 1), size));
    }

    /** Number of bytes in the range, the {@code Content-Length} of the 206 response. */
    public long length() {
        return endInclusive - start + 1;
    }

    /** {@code bytes <start>-<end>/<size>}, the {@code Content-Range} of the 206 response. */
    public String contentRangeHeader() {
        return UNIT + " " + start + "-" + endInclusive + "/" + totalSize;
    }

    /** Whether the range covers the whole blob (a client resuming at 0); a 206 is still correct then. */
    public boolean isWhole() {
        return start == 0 && endInclusive == totalSize - 1;
    }

    private static RegistryException unsatisfiable(long size, String why) {
        return new RegistryException(OciErrorCode.RANGE_INVALID, why)
                .withHeader("Content-Range", UNIT + " */" + size);
    }

    static boolean isDigits(String s, boolean allowEmpty) {
        if (s.isEmpty()) {
            return allowEmpty;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Parses a digit string; values beyond {@code long} are as good as infinite for a byte position. */
    static long parseClamped(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
