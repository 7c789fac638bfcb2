package io.berth.registry.boundary.oci;

import io.berth.registry.boundary.Referrers;
import io.berth.registry.entity.Descriptor;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.MediaTypes;
import io.berth.registry.entity.RegistryRoute;
import io.berth.registry.entity.RepositoryName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v2/<name>/referrers/<digest>}: the OCI 1.1 referrers API. */
@ApplicationScoped
@Tag(name = "oci")
@Path(RegistryRoute.REFERRERS)
public class ReferrersResource {

    @Inject
    Referrers referrers;

    /**
     * 200 with an OCI image index listing the referrers (never 404: no referrers is an empty list);
     * with {@code ?artifactType=} only that type, and {@code OCI-Filters-Applied: artifactType}.
     * 400 DIGEST_INVALID for a malformed digest.
     */
    @Operation(operationId = "listReferrers", summary = "List the manifests that refer to a digest")
    @GET
    public Response list(@PathParam("name") String name, @PathParam("digest") String digest,
            @QueryParam("artifactType") String artifactType) {
        Optional<String> filter = Optional.ofNullable(artifactType).filter(s -> !s.isEmpty());
        List<Descriptor> found = referrers.list(new RepositoryName(name), Digest.parse(digest), filter);
        JsonArrayBuilder manifests = Json.createArrayBuilder();
        found.forEach(d -> manifests.add(d.toJson()));
        String body = Json.createObjectBuilder()
                .add("schemaVersion", 2)
                .add("mediaType", MediaTypes.OCI_INDEX)
                .add("manifests", manifests)
                .build().toString();
        Response.ResponseBuilder response = Response.ok(body).type(MediaTypes.OCI_INDEX);
        filter.ifPresent(f -> response.header("OCI-Filters-Applied", "artifactType"));
        return response.build();
    }
}
