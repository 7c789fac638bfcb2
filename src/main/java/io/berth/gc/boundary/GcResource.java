package io.berth.gc.boundary;

import io.berth.platform.api.ApiDocs;
import io.berth.platform.api.JsonBodies;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
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
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v2.0/system/gc}: Harbor's garbage-collection API, for system administrators (401 anonymous,
 * 403 anyone else, decided by the facade). See {@link GarbageCollection} for what each call does.
 */
@Tag(name = "gc")
@Path("system/gc")
@Produces(MediaType.APPLICATION_JSON)
public class GcResource {

    @Inject
    CallerContext caller;

    @Inject
    GarbageCollection gc;

    /** 200 with the runs, newest first, as {@code GCHistory}; {@code X-Total-Count} and {@code Link} for paging. */
    @Operation(operationId = "getGCHistory", summary = "Get GC results")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response list(@QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<GcHistoryView> runs = gc.list(caller.get(), request);
        return request.headers(Response.ok(runs.items()), runs.total(), uri).build();
    }

    /** 200 with one run; 404 if there is none. */
    @Operation(operationId = "getGC", summary = "Get GC status")
    @GET
    @Path("{gc_id: [0-9]+}")
    public GcHistoryView get(@PathParam("gc_id") long id) {
        return gc.get(caller.get(), id);
    }

    /** Stops a run: 200 (also for a run already over); 404 if there is none. */
    @Operation(operationId = "stopGC", summary = "Stop the specific GC execution")
    @PUT
    @Path("{gc_id: [0-9]+}")
    public Response stop(@PathParam("gc_id") long id) {
        gc.stop(caller.get(), id);
        return Response.ok().build();
    }

    /** 200 with the run's log as text, a line per event; 404 if there is no such run. */
    @Operation(operationId = "getGCLog", summary = "Get GC job log")
    @GET
    @Path("{gc_id: [0-9]+}/log")
    @Produces(MediaType.TEXT_PLAIN)
    public String log(@PathParam("gc_id") long id) {
        return gc.log(caller.get(), id);
    }

    /** 200 with the schedule, in {@code GCHistory}'s shape; type {@code None} when there is none. */
    @Operation(operationId = "getGCSchedule", summary = "Get GC's schedule")
    @GET
    @Path("schedule")
    public GcHistoryView schedule() {
        return gc.schedule(caller.get());
    }

    /**
     * Harbor's {@code Schedule} body: type {@code Manual} starts a run now (201, {@code Location} of the run;
     * 409 while one runs); another type creates the schedule (201; 409 if one exists). 400 for a bad type, cron
     * or parameter ({@code dry_run}, {@code delete_untagged}, {@code workers} 1-10).
     */
    @Operation(operationId = "createGCSchedule", summary = "Create a GC schedule, or run GC now")
    @APIResponse(responseCode = "201", description = "Created; for a run started now, Location names it")
    @POST
    @Path("schedule")
    public Response create(String body, @Context UriInfo uri) {
        Optional<Long> run = gc.create(caller.get(), JsonBodies.object(body));
        Response.ResponseBuilder created = Response.status(Response.Status.CREATED);
        run.ifPresent(id -> created.location(URI.create("/api/v2.0/system/gc/" + id)));
        return created.build();
    }

    /** Replaces the schedule ({@code None} removes it): 200; 400 as for POST, and for type {@code Manual}. */
    @Operation(operationId = "updateGCSchedule", summary = "Update GC's schedule")
    @PUT
    @Path("schedule")
    public Response update(String body) {
        gc.update(caller.get(), JsonBodies.object(body));
        return Response.ok().build();
    }

}
