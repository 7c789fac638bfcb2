package io.berth.registry.boundary.api;

import io.berth.auth.boundary.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v2.0/search?q=}: projects and repositories whose names contain {@code q}; see {@link Overview}. */
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    Overview overview;

    @Inject
    CallerContext caller;

    /** 200; anonymous callers see public projects only. */
    @GET
    public SearchResult search(@QueryParam("q") String q) {
        return overview.search(caller.get(), q);
    }
}
