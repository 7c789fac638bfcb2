package io.berth.registry.boundary.oci;

import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The {@code n} parameter of the paged listings, and the RFC 5988 {@code Link} to the next page. */
final class PageSize {

    /** Above this a client gets this many and a Link to the rest, so one request cannot list millions of rows. */
    static final int MAX = 10_000;

    private PageSize() {
    }

    /** null when absent (the whole list, capped at {@link #MAX}); PAGINATION_NUMBER_INVALID when not a number ≥ 0. */
    static Integer parse(String n) {
        if (n == null || n.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(n);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Math.min(value, MAX);
        } catch (NumberFormatException e) {
            throw new RegistryException(OciErrorCode.PAGINATION_NUMBER_INVALID, "n must be a non-negative integer");
        }
    }

    static String next(String path, Integer n, String last) {
        StringBuilder url = new StringBuilder(path).append("?");
        if (n != null) {
            url.append("n=").append(n).append("&");
        }
        url.append("last=").append(URLEncoder.encode(last, StandardCharsets.UTF_8));
        return "<" + url + ">; rel=\"next\"";
    }
}
