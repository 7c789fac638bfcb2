package io.berth.registry.boundary.oci;

import io.berth.registry.boundary.BlobInfo;
import io.berth.registry.boundary.Blobs;
import io.berth.registry.entity.ByteRange;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.RegistryRoute;
import io.berth.registry.entity.RepositoryName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** {@code /v2/<name>/blobs/<digest>}: existence, content (with ranges) and deletion of a blob. */
@ApplicationScoped
@Path(RegistryRoute.BLOB)
public class BlobsResource {

    static final String OCTET_STREAM = "application/octet-stream";

    @Inject
    Blobs blobs;

    /**
     * 200 with {@code Content-Length} and {@code Docker-Content-Digest}; 404 BLOB_UNKNOWN; 400 DIGEST_INVALID
     * or NAME_INVALID for malformed input.
     */
    @HEAD
    public Response head(@PathParam("name") String name, @PathParam("digest") String digest) {
        BlobInfo blob = blobs.find(new RepositoryName(name), Digest.parse(digest));
        return Response.ok()
                .type(OCTET_STREAM)
                .header(HttpHeaders.CONTENT_LENGTH, blob.size())
                .header("Docker-Content-Digest", blob.digest().toString())
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, "\"" + blob.digest() + "\"")
                .build();
    }

    /**
     * 200 with the bytes, or 206 with {@code Content-Range} for a satisfiable {@code Range}; 416 with
     * {@code Content-Range: bytes *}{@code /<size>} for an unsatisfiable one; 404 BLOB_UNKNOWN.
     */
    @GET
    public Response get(@PathParam("name") String name, @PathParam("digest") String digest,
            @HeaderParam("Range") String rangeHeader) {
        BlobInfo blob = blobs.find(new RepositoryName(name), Digest.parse(digest));
        ByteRange range = ByteRange.parse(rangeHeader, blob.size()).filter(r -> !r.isWhole()).orElse(null);
        StreamingOutput body = out -> blobs.copy(blob, range, out);
        Response.ResponseBuilder response = range == null
                ? Response.ok(body).header(HttpHeaders.CONTENT_LENGTH, blob.size())
                : Response.status(206).entity(body)
                        .header(HttpHeaders.CONTENT_LENGTH, range.length())
                        .header("Content-Range", range.contentRangeHeader());
        return response.type(OCTET_STREAM)
                .header("Docker-Content-Digest", blob.digest().toString())
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, "\"" + blob.digest() + "\"")
                .build();
    }

    /** 202 when the project no longer sees the blob; 404 BLOB_UNKNOWN; 403 DENIED while an artifact needs it. */
    @DELETE
    public Response delete(@PathParam("name") String name, @PathParam("digest") String digest) {
        blobs.delete(new RepositoryName(name), Digest.parse(digest));
        return Response.accepted().header(HttpHeaders.CONTENT_LENGTH, 0).build();
    }
}
