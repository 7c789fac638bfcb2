package io.berth.registry.boundary.api;

import io.berth.auth.boundary.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v2.0/statistics}: project and repository counts; see {@link Overview}. */
@Path("statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    @Inject
    Overview overview;

    @Inject
    CallerContext caller;

    /** 200; 401 for anonymous callers. */
    @GET
    public Statistic statistics() {
        return overview.statistics(caller.get());
    }
}
