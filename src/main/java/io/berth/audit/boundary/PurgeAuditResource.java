package io.berth.audit.boundary;

import io.berth.platform.api.ApiDocs;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v2.0/system/purgeaudit}: Harbor's audit log purge (schedule, history, one run, its log, stop). */
@Tag(name = "purge")
@Path("system/purgeaudit")
@Produces(MediaType.APPLICATION_JSON)
public class PurgeAuditResource {

    @Inject
    Purges purges;

    @Inject
    CallerContext caller;

    /** 200 with the runs, newest first, {@code X-Total-Count} and {@code Link}; 401; 403. */
    @Operation(operationId = "getPurgeHistory", summary = "Get purge job results")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = ApiDocs.QUERY)
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = ApiDocs.SORT)
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response history(@QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("page") Integer page,
            @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<ExecHistoryView> found = purges.history(caller.get(), request, q, sort);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    /** 200 with the schedule as an {@code ExecHistory}; 401; 403. */
    @Operation(operationId = "getPurgeSchedule", summary = "Get the purge job's schedule")
    @GET
    @Path("schedule")
    public ExecHistoryView schedule() {
        return purges.schedule(caller.get());
    }

    /**
     * 201: the schedule is set, or with {@code "type":"Manual"} a run started ({@code Location} names it); 400 for a
     * bad type, cron or parameter; 401; 403.
     */
    @Operation(operationId = "createPurgeSchedule", summary = "Create a purge job schedule")
    @APIResponse(responseCode = "201", description = "Created; for a run started now, Location names it")
    @POST
    @Path("schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        Long started = purges.setSchedule(caller.get(), object(body), true);
        return started == null ? Response.status(Response.Status.CREATED).build()
                : Response.created(URI.create("/api/v2.0/system/purgeaudit/" + started)).build();
    }

    /** 200, as {@link #create}. */
    @Operation(operationId = "updatePurgeSchedule", summary = "Update the purge job's schedule")
    @PUT
    @Path("schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(String body) {
        purges.setSchedule(caller.get(), object(body), false);
        return Response.ok().build();
    }

    /** 200 with one run; 404 unknown; 401; 403. */
    @Operation(operationId = "getPurgeJob", summary = "Get purge job status")
    @GET
    @Path("{purge_id}")
    public ExecHistoryView get(@PathParam("purge_id") long id) {
        return purges.get(caller.get(), id);
    }

    /** 200 once the run is asked to stop (it stops between two chunks); 404; 401; 403. */
    @Operation(operationId = "stopPurge", summary = "Stop the specific purge audit log execution")
    @PUT
    @Path("{purge_id}")
    public Response stop(@PathParam("purge_id") long id) {
        purges.stop(caller.get(), id);
        return Response.ok().build();
    }

    /** 200 {@code text/plain}: the run's log; 404; 401; 403. */
    @Operation(operationId = "getPurgeJobLog", summary = "Get purge job log")
    @GET
    @Path("{purge_id}/log")
    @Produces(MediaType.TEXT_PLAIN)
    public String log(@PathParam("purge_id") long id) {
        return purges.log(caller.get(), id);
    }

    private static JsonObject object(String body) {
        try {
            return Json.createReader(new StringReader(body == null ? "" : body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.badRequest("the body must be a JSON object: {\"schedule\":{...},\"parameters\":{...}}");
        }
    }
}
