package io.berth.audit.boundary;

import io.berth.events.EventTypes;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v2.0/auditlog-exts}: Harbor 2.13's audit log paths. Berth keeps one trail, so these answer the same
 * entries as {@code /audit-logs} (whose view already carries every {@code AuditLogExt} field), with the same
 * {@code q}, paging and access rules; {@code /auditlog-exts/events} lists the event types Berth records.
 */
@Tag(name = "auditlog")
@Path("auditlog-exts")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogExtsResource {

    @Inject
    AuditLogs logs;

    @Inject
    CallerContext caller;

    /** As {@code GET /audit-logs}: all entries for system administrators, their projects' for project admins. */
    @Operation(operationId = "listAuditLogExts", summary = "List audit log extensions")
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

    /** Harbor's {@code AuditLogEventType} list: {@code [{"event_type":"create_artifact"}, ...]}; signed-in callers. */
    @Operation(operationId = "listAuditLogEventTypes", summary = "List the event types of audit logs")
    @GET
    @Path("events")
    public List<Map<String, String>> events() {
        logs.requireSignedIn(caller.get());
        return EventTypes.ALL.stream().map(type -> Map.of("event_type", type)).toList();
    }
}
