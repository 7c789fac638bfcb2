package io.berth.platform.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Harbor's paging: {@code page} from 1, {@code page_size} 10 by default and at most 100; responses carry
 * {@code X-Total-Count} and a {@code Link} header with {@code prev} and {@code next}.
 */
public record PageRequest(int page, int pageSize) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;

    public static PageRequest of(Integer page, Integer pageSize) {
        int p = page == null ? 1 : page;
        int s = pageSize == null ? DEFAULT_SIZE : pageSize;
        if (p < 1) {
            throw ApiException.badRequest("page must be 1 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.badRequest("page_size must be between 1 and %d", MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return (page - 1) * pageSize;
    }

    /** Adds {@code X-Total-Count} and, where there are neighbours, the {@code Link} header. */
    public Response.ResponseBuilder headers(Response.ResponseBuilder response, long total, UriInfo uri) {
        response.header("X-Total-Count", total);
        StringBuilder link = new StringBuilder();
        if (page > 1) {
            link.append('<').append(pageUri(uri, page - 1)).append(">; rel=\"prev\"");
        }
        if ((long) page * pageSize < total) {
            if (!link.isEmpty()) {
                link.append(" , ");
            }
            link.append('<').append(pageUri(uri, page + 1)).append(">; rel=\"next\"");
        }
        if (!link.isEmpty()) {
            response.header("Link", link.toString());
        }
        return response;
    }

    private String pageUri(UriInfo uri, int target) {
        return uri.getRequestUriBuilder()
                .replaceQueryParam("page", target)
                .replaceQueryParam("page_size", pageSize)
                .build().getRawPath() + "?" + uri.getRequestUriBuilder()
                .replaceQueryParam("page", target)
                .replaceQueryParam("page_size", pageSize)
                .build().getRawQuery();
    }
}
