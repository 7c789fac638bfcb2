package io.berth.registry.boundary.api;

import io.berth.platform.api.ApiDocs;
import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v2.0/search?q=}: projects, repositories and tags whose names contain {@code q}; see {@link Overview}. */
@Tag(name = "search")
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    Overview overview;

    @Inject
    CallerContext caller;

    /** 200; anonymous callers see public projects only. */
    @Operation(operationId = "search", summary = "Search for projects, repositories and tags")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = ApiDocs.QUERY)
    @GET
    public SearchResult search(@QueryParam("q") String q) {
        return overview.search(caller.get(), q);
    }
}
