package io.berth.registry.boundary.api;

import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v2.0/statistics}: project and repository counts; see {@link Overview}. */
@Tag(name = "statistic")
@Path("statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    @Inject
    Overview overview;

    @Inject
    CallerContext caller;

    /** 200; 401 for anonymous callers. */
    @Operation(operationId = "getStatistic", summary = "Get statistics about projects and repositories")
    @GET
    public Statistic statistics() {
        return overview.statistics(caller.get());
    }
}
