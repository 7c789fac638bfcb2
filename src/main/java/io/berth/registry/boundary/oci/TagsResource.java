package io.berth.registry.boundary.oci;

import io.berth.registry.boundary.Page;
import io.berth.registry.boundary.Tags;
import io.berth.registry.entity.RegistryRoute;
import io.berth.registry.entity.RepositoryName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v2/<name>/tags/list?n=&last=}: tags in lexical order, with a {@code Link} to the next page. */
@ApplicationScoped
@Tag(name = "oci")
@Path(RegistryRoute.TAGS)
@Produces(MediaType.APPLICATION_JSON)
public class TagsResource {

    @Inject
    Tags tags;

    @Inject
    Locations locations;

    /** 200 {@code {"name","tags":[...]}}; 404 NAME_UNKNOWN; 400 PAGINATION_NUMBER_INVALID for a bad {@code n}. */
    @Operation(operationId = "listRegistryTags", summary = "List the tags of a repository")
    @GET
    public Response list(@PathParam("name") String nameText, @QueryParam("n") String n, @QueryParam("last") String last) {
        RepositoryName name = new RepositoryName(nameText);
        Integer size = PageSize.parse(n);
        Page page = tags.list(name, size, last);
        String body = Json.createObjectBuilder()
                .add("name", name.value())
                .add("tags", Json.createArrayBuilder(page.items()))
                .build().toString();
        Response.ResponseBuilder response = Response.ok(body);
        if (page.more()) {
            response.header("Link", PageSize.next(locations.url("/v2/" + name + "/tags/list"), size, page.last()));
        }
        return response.build();
    }
}
