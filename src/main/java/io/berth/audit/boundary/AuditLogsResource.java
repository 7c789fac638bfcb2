package io.berth.audit.boundary;

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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v2.0/audit-logs}: Harbor's audit log list, and Berth's CSV export of it (Harbor has no export). */
@Tag(name = "auditlog")
@Path("audit-logs")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogsResource {

    @Inject
    AuditLogs logs;

    @Inject
    CallerContext caller;

    /**
     * 200 with an array of {@link AuditLogView}, newest first unless {@code sort} says otherwise, and
     * {@code X-Total-Count} and {@code Link}; 400 for a bad {@code q}, {@code sort} or page; 401; 403 unless a
     * system administrator.
     */
    @Operation(operationId = "listAuditLogs", summary = "List audit logs")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = ApiDocs.QUERY)
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = ApiDocs.SORT)
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("page") Integer page,
            @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<AuditLogView> found = logs.list(caller.get(), request, q, sort);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    /**
     * {@code GET /audit-logs/export?q=...}: every entry {@code q} selects (same keys as the list, e.g.
     * {@code op_time=[2024-01-01 00:00:00~2024-01-31 23:59:59]}), oldest first, as {@code text/csv} with a header
     * line and {@code Content-Disposition: attachment; filename="audit-logs.csv"}; 400, 401, 403 as the list.
     */
    @Operation(operationId = "exportAuditLogs", summary = "Export the audit logs that q selects as CSV (Berth only)")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = ApiDocs.QUERY)
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@QueryParam("q") String q) {
        AuditLogs.CsvExport csv = logs.export(caller.get(), q);
        StreamingOutput body = csv::writeTo;
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit-logs.csv\"")
                .build();
    }
}
