package io.berth.registry.boundary.api;

import io.berth.platform.api.ApiDocs;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/**
 * {@code /api/v2.0/projects/{project_name}/repositories}: Harbor's repositories of one project. Repository names
 * are relative to the project and encoded twice when they hold slashes ({@link RepositoryPaths}).
 */
@Tag(name = "repository")
@Path("projects/{project_name}/repositories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RepositoriesResource {

    @Inject
    Repositories repositories;

    @Inject
    CallerContext caller;

    /** 200 with {@code X-Total-Count} and {@code Link}; 400 bad {@code q}/{@code sort}/paging; 401/403; 404 project. */
    @Operation(operationId = "listRepositories", summary = "List the repositories of a project")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = ApiDocs.QUERY)
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = ApiDocs.SORT)
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response list(@PathParam("project_name") String project, @QueryParam("q") String q,
            @QueryParam("sort") String sort, @QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize,
            @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<RepositoryView> found = repositories.list(caller.get(), project, request, q, sort);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    /** 200; 401/403; 404 when the project or repository is missing or invisible. */
    @Operation(operationId = "getRepository", summary = "Get a repository")
    @GET
    @Path("{repository_name}")
    public RepositoryView get(@PathParam("project_name") String project, @PathParam("repository_name") String repository) {
        return repositories.get(caller.get(), project, RepositoryPaths.decode(repository));
    }

    /** Changes the description: 200; 401/403 without {@code repository:update}; 404. */
    @Operation(operationId = "updateRepository", summary = "Update a repository's description")
    @PUT
    @Path("{repository_name}")
    public Response update(@PathParam("project_name") String project, @PathParam("repository_name") String repository,
            RepositoryRequest request) {
        repositories.update(caller.get(), project, RepositoryPaths.decode(repository), request);
        return Response.ok().build();
    }

    /** Deletes the repository and its artifacts: 200; 401/403 without {@code repository:delete}; 404. */
    @Operation(operationId = "deleteRepository", summary = "Delete a repository")
    @DELETE
    @Path("{repository_name}")
    public Response delete(@PathParam("project_name") String project, @PathParam("repository_name") String repository) {
        repositories.delete(caller.get(), project, RepositoryPaths.decode(repository));
        return Response.ok().build();
    }
}
