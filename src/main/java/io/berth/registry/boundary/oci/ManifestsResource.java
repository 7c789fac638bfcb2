package io.berth.registry.boundary.oci;

import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.registry.boundary.ManifestInfo;
import io.berth.registry.boundary.Manifests;
import io.berth.registry.boundary.PushedManifest;
import io.berth.registry.control.Deletions;
import io.berth.registry.control.PullLedger;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.MediaTypes;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.Reference;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.RegistryRoute;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /v2/<name>/manifests/<reference>}: manifests by tag or digest. */
@ApplicationScoped
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "oci")
@Path(RegistryRoute.MANIFEST)
public class ManifestsResource {

    @Inject
    Manifests manifests;

    @Inject
    Locations locations;

    /** Counts pulls in memory; flushed in batches, so a GET stays free of database writes. */
    @Inject
    PullLedger pulls;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Deletions deletions;

    /**
     * 200 with {@code Content-Type}, {@code Content-Length}, {@code Docker-Content-Digest} and {@code ETag};
     * 404 MANIFEST_UNKNOWN (or NAME_UNKNOWN), also when a tag's manifest type is not among the types the
     * client's {@code Accept} lists.
     */
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "headManifest", summary = "Check that a manifest exists")
    @HEAD
    public Response head(@PathParam("name") String name, @PathParam("reference") String reference,
            @HeaderParam(HttpHeaders.ACCEPT) List<String> accept) {
        ManifestInfo manifest = find(name, reference, accept);
        return headers(Response.ok(), manifest).build();
    }

    /** As {@link #head}, with the manifest's exact bytes. */
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getManifest", summary = "Pull a manifest by tag or digest")
    @GET
    public Response get(@PathParam("name") String name, @PathParam("reference") String reference,
            @HeaderParam(HttpHeaders.ACCEPT) List<String> accept) {
        ManifestInfo manifest = find(name, reference, accept);
        pulls.record(name, reference, manifest.digest());
        Response response = headers(Response.ok(manifests.content(manifest)), manifest).build();
        // Pulls are recorded for manifests only, never blobs, as Harbor does.
        audit.fire(AuditEvent.of(Operation.PULL, ResourceType.ARTIFACT, artifact(name, reference)).inProject(new RepositoryName(name).project()));
        return response;
    }

    /**
     * Stores a manifest (at most 4 MiB): 201 with {@code Location}, {@code Docker-Content-Digest} and, when it
     * has a {@code subject}, {@code OCI-Subject}. 400 MANIFEST_INVALID, MANIFEST_BLOB_UNKNOWN, DIGEST_INVALID,
     * TAG_INVALID; 404 NAME_UNKNOWN when the project does not exist; 413 when too large.
     */
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "putManifest", summary = "Push a manifest")
    @APIResponse(responseCode = "201", description = "Created; Location and Docker-Content-Digest name the manifest")
    @PUT
    public Response put(@PathParam("name") String nameText, @PathParam("reference") String reference,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) throws IOException {
        RepositoryName name = new RepositoryName(nameText);
        byte[] bytes = body.readNBytes(Manifests.MAX_MANIFEST_BYTES + 1);
        if (bytes.length > Manifests.MAX_MANIFEST_BYTES) {
            throw RegistryException.manifestTooLarge(bytes.length, Manifests.MAX_MANIFEST_BYTES);
        }
        PushedManifest pushed = manifests.put(name, Reference.parse(reference), contentType, bytes);
        audit.fire(AuditEvent.of(Operation.CREATE, ResourceType.ARTIFACT, artifact(nameText, reference)).inProject(name.project()));
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, locations.manifest(name, pushed.digest()))
                .header("Docker-Content-Digest", pushed.digest().toString())
                .header(HttpHeaders.CONTENT_LENGTH, 0);
        if (pushed.subject() != null) {
            response.header("OCI-Subject", pushed.subject().toString());
        }
        return response.build();
    }

    /**
     * Deletes by digest (the artifact, its accessories and the index children only it lists) or by tag (the tag
     * only): 202; 404 MANIFEST_UNKNOWN or NAME_UNKNOWN; 403 DENIED for a manifest an index still lists.
     */
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "deleteManifest", summary = "Delete a manifest or a tag")
    @APIResponse(responseCode = "202", description = "Accepted")
    @DELETE
    public Response delete(@PathParam("name") String name, @PathParam("reference") String reference) {
        RepositoryName repository = new RepositoryName(name);
        Reference parsed = Reference.parse(reference);
        switch (parsed) {
            // By tag, the OCI specification deletes the tag only; by digest, the artifact and what hangs on it.
            case Tag tag -> deletions.deleteTag(repository, tag);
            case Digest digest -> deletions.deleteArtifact(repository, digest);
        }
        audit.fire(AuditEvent.of(Operation.DELETE, parsed instanceof Tag ? ResourceType.TAG : ResourceType.ARTIFACT,
                artifact(name, reference)).inProject(repository.project()));
        return Response.accepted().header(HttpHeaders.CONTENT_LENGTH, 0).build();
    }

    private ManifestInfo find(String name, String referenceText, List<String> accept) {
        Reference reference = Reference.parse(referenceText);
        ManifestInfo manifest = manifests.find(new RepositoryName(name), reference);
        // By digest the client named exact content and gets it; by tag, a type it did not accept is, for
        // that client, no manifest at all (distribution answers the same way).
        if (!reference.isDigest() && !accepts(accept, manifest.mediaType())) {
            throw RegistryException.of(OciErrorCode.MANIFEST_UNKNOWN,
                    "manifest %s is %s, which the Accept header does not list", referenceText, manifest.mediaType());
        }
        return manifest;
    }

    /**
     * Whether a client that sent {@code acceptHeaders} takes a manifest of {@code mediaType}: yes if it lists
     * the type, and also if it lists no manifest type at all (no header, {@code *}{@code /*}, plain JSON).
     */
    static boolean accepts(List<String> acceptHeaders, String mediaType) {
        if (acceptHeaders == null) {
            return true;
        }
        boolean listsManifestTypes = false;
        for (String header : acceptHeaders) {
            for (String type : header.split(",")) {
                String normalized = MediaTypes.normalize(type);
                if (mediaType.equals(normalized)) {
                    return true;
                }
                listsManifestTypes |= MediaTypes.isManifest(normalized);
            }
        }
        return !listsManifestTypes;
    }

    /** {@code name:tag} or {@code name@digest}, as the audit trail names an artifact. */
    private static String artifact(String name, String reference) {
        return name + (reference.contains(":") ? "@" : ":") + reference;
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder response, ManifestInfo manifest) {
        return response
                .type(manifest.mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, manifest.size())
                .header("Docker-Content-Digest", manifest.digest().toString())
                .header(HttpHeaders.ETAG, "\"" + manifest.digest() + "\"");
    }
}
