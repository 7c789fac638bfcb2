package io.berth.rbac.boundary.robots;

import io.berth.platform.api.ApiDocs;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/**
 * {@code /api/v2.0/robots}: Harbor's robot account v2 operations. 401 means "sign in", 403 "not yours to grant or
 * change", 404 a robot (or project) that does not exist or that the caller may not see; the rules are in
 * {@link Robots} and {@link io.berth.rbac.control.RobotAuthority}. Answers that carry a secret are not cached.
 */
@Tag(name = "robot")
@Path("robots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RobotsResource {

    static final String CACHE_CONTROL = "Cache-Control";
    static final String NO_STORE = "no-store";

    @Inject
    Robots robots;

    @Inject
    CallerContext caller;

    /**
     * 200 with {@code X-Total-Count} and {@code Link}; {@code q} takes {@code name}, {@code level}/{@code Level}
     * and {@code project_id}/{@code ProjectID}. Without a project: system administrators only (403).
     */
    @Operation(operationId = "ListRobot", summary = "List robot accounts")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = ApiDocs.QUERY)
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = ApiDocs.SORT)
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response list(@QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize,
            @QueryParam("q") String q, @QueryParam("sort") String sort, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<RobotView> found = robots.list(caller.get(), request, q, sort);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    /** 201 with {@code Location: /api/v2.0/robots/<id>} and {@code RobotCreated}; 400; 401/403; 404; 409. */
    @Operation(operationId = "CreateRobot", summary = "Create a robot account")
    @APIResponse(responseCode = "201", description = "Created; Location names the new robot account")
    @POST
    public Response create(RobotCreateRequest request) {
        RobotCreatedView created = robots.create(caller.get(), request);
        return Response.created(URI.create("/api/v2.0/robots/" + created.id())).header(CACHE_CONTROL, NO_STORE)
                .entity(created).build();
    }

    /** 200 with {@code Robot}, without secret; 404 for a robot the caller may not read. */
    @Operation(operationId = "GetRobotByID", summary = "Get a robot account")
    @GET
    @Path("{robot_id}")
    public RobotView get(@PathParam("robot_id") long id) {
        return robots.get(caller.get(), id);
    }

    /** 200; 400 invalid or name/level/project changed; 403; 404 for a robot the caller may not read. */
    @Operation(operationId = "UpdateRobot", summary = "Update a robot account")
    @PUT
    @Path("{robot_id}")
    public Response update(@PathParam("robot_id") long id, RobotUpdateRequest request) {
        robots.update(caller.get(), id, request);
        return Response.ok().build();
    }

    /**
     * Harbor's {@code RefreshSec}: body {@code {"secret": "..."}} sets that secret, an empty body or one without a
     * secret generates one; 200 with {@code {"secret": ...}}; 400 for a secret that breaks the rule; 403; 404.
     */
    @Operation(operationId = "RefreshSec", summary = "Refresh the robot account's secret")
    @PATCH
    @Path("{robot_id}")
    public Response refresh(@PathParam("robot_id") long id, String body) {
        RobotSecretView secret = robots.refresh(caller.get(), id, secret(body));
        return Response.ok(secret).header(CACHE_CONTROL, NO_STORE).build();
    }

    /** 200; 403; 404 for a robot the caller may not read. */
    @Operation(operationId = "DeleteRobot", summary = "Delete a robot account")
    @DELETE
    @Path("{robot_id}")
    public Response delete(@PathParam("robot_id") long id) {
        robots.delete(caller.get(), id);
        return Response.ok().build();
    }

    /** The {@code secret} of a {@code RobotSec} body; null for an empty body, a missing or null secret. */
    static String secret(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.badRequest("the body must be a JSON object such as {\"secret\": \"...\"}");
        }
        JsonValue secret = object.get("secret");
        if (secret == null || secret.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(secret instanceof JsonString text)) {
            throw ApiException.badRequest("secret must be a string");
        }
        return text.getString();
    }
}
