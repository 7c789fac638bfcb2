package io.berth.registry.boundary.oci;

import io.berth.registry.boundary.BlobInfo;
import io.berth.registry.boundary.Blobs;
import io.berth.registry.entity.ByteRange;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.RegistryRoute;
import io.berth.registry.entity.RepositoryName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /v2/<name>/blobs/<digest>}: existence, content (with ranges) and deletion of a blob. */
@ApplicationScoped
@Tag(name = "oci")
@Path(RegistryRoute.BLOB)
public class BlobsResource {

    static final String OCTET_STREAM = "application/octet-stream";

    @Inject
    Blobs blobs;

    /**
     * 200 with {@code Content-Length} and {@code Docker-Content-Digest}; 404 BLOB_UNKNOWN; 400 DIGEST_INVALID
     * or NAME_INVALID for malformed input.
     */
    @Operation(operationId = "headBlob", summary = "Check that a blob exists")
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
     * {@code Content-Range: bytes *}{@code /<size>} for an unsatisfiable one; 404 BLOB_UNKNOWN. Where the
     * container and the store allow it the bytes go out by {@code sendfile} ({@link ContainerSendfile}).
     */
    @Operation(operationId = "getBlob", summary = "Pull a blob, or a range of it")
    @GET
    public void get(@PathParam("name") String name, @PathParam("digest") String digest,
            @HeaderParam("Range") String rangeHeader, @Context HttpServletRequest servletRequest,
            @Context HttpServletResponse servletResponse, @Suspended AsyncResponse async) throws IOException {
        BlobInfo blob = blobs.find(new RepositoryName(name), Digest.parse(digest));
        ByteRange range = ByteRange.parse(rangeHeader, blob.size()).filter(r -> !r.isWhole()).orElse(null);
        int status = range == null ? 200 : 206;
        Map<String, String> headers = contentHeaders(blob, range);
        // Never over TLS that Payara terminates itself: the kernel would send the file's bytes unencrypted.
        Object sendfile = servletRequest.isAsyncStarted() && !servletRequest.isSecure()
                ? ContainerSendfile.available(servletResponse) : null;
        Optional<java.nio.file.Path> file = sendfile == null ? Optional.empty() : blobs.localFile(blob);
        if (file.isPresent()) {
            // The container writes status, headers, Content-Length and the file; JAX-RS is never resumed, the
            // servlet request's AsyncContext is completed when the kernel is done.
            AsyncContext context = servletRequest.getAsyncContext();
            servletResponse.setStatus(status);
            headers.forEach(servletResponse::setHeader);
            servletResponse.setHeader(ApiVersionHeader.NAME, ApiVersionHeader.VALUE); // no JAX-RS filter runs here
            ContainerSendfile.start(sendfile, file.get(), range == null ? 0 : range.start(),
                    range == null ? blob.size() : range.length(), context::complete);
            return;
        }
        StreamingOutput body = out -> blobs.copy(blob, range, out);
        Response.ResponseBuilder response = Response.status(status).entity(body)
                .header(HttpHeaders.CONTENT_LENGTH, range == null ? blob.size() : range.length());
        headers.forEach(response::header);
        async.resume(response.build());
    }

    private static Map<String, String> contentHeaders(BlobInfo blob, ByteRange range) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.CONTENT_TYPE, OCTET_STREAM);
        headers.put("Docker-Content-Digest", blob.digest().toString());
        headers.put("Accept-Ranges", "bytes");
        headers.put(HttpHeaders.ETAG, "\"" + blob.digest() + "\"");
        if (range != null) {
            headers.put("Content-Range", range.contentRangeHeader());
        }
        return headers;
    }

    /** 202 when the project no longer sees the blob; 404 BLOB_UNKNOWN; 403 DENIED while an artifact needs it. */
    @Operation(operationId = "deleteBlob", summary = "Delete a blob")
    @APIResponse(responseCode = "202", description = "Accepted")
    @DELETE
    public Response delete(@PathParam("name") String name, @PathParam("digest") String digest) {
        blobs.delete(new RepositoryName(name), Digest.parse(digest));
        return Response.accepted().header(HttpHeaders.CONTENT_LENGTH, 0).build();
    }
}
