package io.berth.audit.boundary;

import io.berth.platform.api.ApiDocs;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
 * {@code /api/v2.0/projects/{project_name}/logs}: one project's audit entries, for its Project Admins and system
 * administrators. The full path sits on the class so that JAX-RS never picks this class for the project's other
 * sub-resources.
 */
@Tag(name = "project")
@Path("projects/{project_name}/logs")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectLogsResource {

    @Inject
    AuditLogs logs;

    @Inject
    CallerContext caller;

    /**
     * 200 with the project's entries (as {@code /audit-logs}), {@code X-Total-Count} and {@code Link}; 400 for a bad
     * {@code q}, {@code sort} or page; 404 for a project the caller cannot see; 401/403 without {@code log:list}.
     */
    @Operation(operationId = "getLogs", summary = "Get recent logs of the project (deprecated)")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = ApiDocs.QUERY)
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = ApiDocs.SORT)
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response list(@PathParam("project_name") String project, @QueryParam("q") String q,
            @QueryParam("sort") String sort, @QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize,
            @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<AuditLogView> found = logs.listProject(caller.get(), project, request, q, sort);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }
}
