package io.berth.registry.boundary.api;

import io.berth.platform.api.ApiDocs;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v2.0/repositories}: the repositories of every project the caller may list repositories in. */
@Tag(name = "repository")
@Path("repositories")
@Produces(MediaType.APPLICATION_JSON)
public class AllRepositoriesResource {

    @Inject
    Repositories repositories;

    @Inject
    CallerContext caller;

    /** 200 with {@code X-Total-Count} and {@code Link}; 400 for an unknown {@code q} or {@code sort} key. */
    @Operation(operationId = "listAllRepositories", summary = "List all authorized repositories")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = ApiDocs.QUERY)
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = ApiDocs.SORT)
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("page") Integer page,
            @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<RepositoryView> found = repositories.listAll(caller.get(), request, q, sort);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }
}
