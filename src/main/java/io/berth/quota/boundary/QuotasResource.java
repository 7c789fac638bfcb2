package io.berth.quota.boundary;

import io.berth.platform.api.ApiDocs;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
 * {@code /api/v2.0/quotas}: Harbor's project storage quotas, for system administrators (401 anonymous, 403
 * others). See {@link Quotas}.
 */
@Tag(name = "quota")
@Path("quotas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuotasResource {

    @Inject
    Quotas quotas;

    @Inject
    CallerContext caller;

    /**
     * A page of quotas with {@code X-Total-Count} and {@code Link}; {@code reference} ({@code project}) and
     * {@code reference_id} (a project id) filter, {@code sort} orders ({@code hard.storage}, {@code -used.storage},
     * ...); 400 for a bad page or sort key.
     */
    @Operation(operationId = "listQuotas", summary = "List quotas")
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = ApiDocs.SORT)
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response list(@QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize,
            @QueryParam("reference") String reference, @QueryParam("reference_id") String referenceId,
            @QueryParam("sort") String sort, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<QuotaView> found = quotas.list(caller.get(), request, reference, referenceId, sort);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    /** 200 with the quota; 404 if there is none. */
    @Operation(operationId = "getQuota", summary = "Get the specified quota")
    @GET
    @Path("{id}")
    public QuotaView get(@PathParam("id") long id) {
        return quotas.get(caller.get(), id);
    }

    /** 200 when the hard limit is set; 400 for a missing or invalid {@code hard}; 404 if there is no such quota. */
    @Operation(operationId = "updateQuota", summary = "Update the specified quota")
    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") long id, QuotaUpdateRequest request) {
        quotas.update(caller.get(), id, request);
        return Response.ok().build();
    }
}
