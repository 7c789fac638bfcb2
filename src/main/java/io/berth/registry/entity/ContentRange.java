package io.berth.registry.entity;

import java.util.Locale;

/**
 * The byte range of one chunk of a chunked blob upload ({@code PATCH /v2/<name>/blobs/uploads/<id>} with
 * {@code Content-Range}), and the {@code Range} header the registry answers upload requests with.
 * <p>
 * The specification's chunk header is {@code Content-Range: <start>-<end>}, inclusive on both ends and
 * matching {@code ^[0-9]+-[0-9]+$} — not RFC 9110's {@code bytes <start>-<end>/<total>}. Some clients send
 * the RFC form anyway, so a {@code bytes } (or {@code bytes=}) prefix and a {@code /<total>} or {@code /*}
 * suffix are tolerated; the total is checked for consistency and otherwise ignored.
 * <p>
 * Every malformed or inconsistent range is {@link OciErrorCode#RANGE_INVALID}, answered with 416: the
 * specification requires 416 for chunks out of order, and a client that cannot state its range correctly
 * recovers the same way, by asking for the upload status (distribution answers a malformed header with a
 * 500 {@code UNKNOWN}, zot with a bare 416).
 *
 * @param start        offset of the chunk's first byte in the blob
 * @param endInclusive offset of the chunk's last byte
 */
public record ContentRange(long start, long endInclusive) {

    /** Longest header worth parsing: two 19-digit numbers, a total, a prefix and separators. */
    private static final int MAX_LENGTH = 80;

    public ContentRange {
        if (start < 0 || endInclusive < start) {
            throw new RegistryException(OciErrorCode.RANGE_INVALID,
                    "content range " + start + "-" + endInclusive + " ends before it starts");
        }
    }

    /**
     * Parses a chunk's {@code Content-Range}.
     *
     * @throws RegistryException {@link OciErrorCode#RANGE_INVALID} if the header is malformed, ends before
     *                           it starts, or contradicts its own total
     */
    public static ContentRange parse(String header) {
        if (header == null || header.isBlank()) {
            throw new RegistryException(OciErrorCode.RANGE_INVALID, "Content-Range is missing");
        }
        String text = header.trim();
        if (text.length() > MAX_LENGTH) {
            throw malformed(header);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bytes ") || lower.startsWith("bytes=")) {
            text = text.substring("bytes ".length()).trim();
        }
        String total = null;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            total = text.substring(slash + 1).trim();
            text = text.substring(0, slash).trim();
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            throw malformed(header);
        }
        String first = text.substring(0, dash);
        String last = text.substring(dash + 1);
        if (!ByteRange.isDigits(first, false) || !ByteRange.isDigits(last, false)
                || (total != null && !total.equals("*") && !ByteRange.isDigits(total, false))) {
            throw malformed(header);
        }
        long start = parseExact(first, header);
        long end = parseExact(last, header);
        ContentRange range = new ContentRange(start, end);
        if (total != null && !total.equals("*") && parseExact(total, header) <= end) {
            throw new RegistryException(OciErrorCode.RANGE_INVALID,
                    "content range " + start + "-" + end + " lies beyond its stated total " + total);
        }
        return range;
    }

    /**
     * The {@code Range} header of upload responses (POST, PATCH, status GET): {@code 0-<size-1>}, the bytes
     * received so far. For an upload that has received nothing it is {@code 0-0}, as distribution and zot
     * send after POST; the header cannot tell "nothing" from "one byte", so clients that resume must use the
     * status together with their own bookkeeping (Docker and containerd restart a failed chunked upload
     * rather than trusting it).
     */
    public static String uploadRangeHeader(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative upload size " + size);
        }
        return "0-" + (size == 0 ? 0 : size - 1);
    }

    /** Number of bytes the chunk claims to hold. */
    public long length() {
        return endInclusive - start + 1;
    }

    /**
     * Checks that this chunk continues an upload that has received {@code uploadedSize} bytes so far.
     *
     * @throws RegistryException {@link OciErrorCode#RANGE_INVALID} (416) carrying the {@code Range} the
     *                           upload is actually at, so the client can resume from there
     */
    public void requireContinues(long uploadedSize) {
        if (start != uploadedSize) {
            throw RegistryException.of(OciErrorCode.RANGE_INVALID,
                            "chunk starts at byte %d but the upload has %d bytes; chunks must be sent in order",
                            start, uploadedSize)
                    .withHeader("Range", uploadRangeHeader(uploadedSize));
        }
    }

    /**
     * Checks the chunk's {@code Content-Length} against its range.
     *
     * @throws RegistryException {@link OciErrorCode#SIZE_INVALID}, as distribution answers this mismatch
     */
    public void requireLength(long contentLength) {
        if (contentLength != length()) {
            throw RegistryException.of(OciErrorCode.SIZE_INVALID,
                    "Content-Length %d does not match Content-Range %d-%d (%d bytes)",
                    contentLength, start, endInclusive, length());
        }
    }

    private static long parseExact(String digits, String header) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw malformed(header);
        }
    }

    private static RegistryException malformed(String header) {
        return new RegistryException(OciErrorCode.RANGE_INVALID, "malformed Content-Range "
                + RegistryException.quote(header) + "; expected <start>-<end>, inclusive");
    }

    @Override
    public String toString() {
        return start + "-" + endInclusive;
    }
}
