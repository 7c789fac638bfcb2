package io.berth.registry.boundary.oci;

import io.berth.registry.boundary.Catalog;
import io.berth.registry.boundary.Page;
import io.berth.registry.entity.RegistryRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v2/_catalog?n=&last=}: repository names in lexical order, paged like the tags list. */
@ApplicationScoped
@Tag(name = "oci")
@Path(RegistryRoute.CATALOG)
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    Catalog catalog;

    @Inject
    Locations locations;

    /** 200 {@code {"repositories":[...]}} with a {@code Link} when more follow. */
    @Operation(operationId = "listCatalog", summary = "List repository names")
    @GET
    public Response list(@QueryParam("n") String n, @QueryParam("last") String last) {
        Integer size = PageSize.parse(n);
        Page page = catalog.list(size, last);
        String body = Json.createObjectBuilder()
                .add("repositories", Json.createArrayBuilder(page.items()))
                .build().toString();
        Response.ResponseBuilder response = Response.ok(body);
        if (page.more()) {
            response.header("Link", PageSize.next(locations.url("/v2/_catalog"), size, page.last()));
        }
        return response.build();
    }
}
