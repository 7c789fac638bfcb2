package io.berth.registry.boundary.oci;

import io.berth.registry.boundary.Blobs;
import io.berth.registry.boundary.UploadStatus;
import io.berth.registry.boundary.Uploads;
import io.berth.registry.entity.ContentRange;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.RegistryRoute;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.RequestGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v2/<name>/blobs/uploads/}: blob uploads, one HTTP method per transition (distribution's
 * {@code StartBlobUpload}, {@code PatchBlobData}, {@code PutBlobUploadComplete}, {@code GetUploadStatus},
 * {@code CancelBlobUpload}). Bodies are read as streams, never buffered whole.
 */
@ApplicationScoped
@Tag(name = "oci")
@Path(RegistryRoute.UPLOADS)
public class UploadsResource {

    @Inject
    Uploads uploads;

    @Inject
    Blobs blobs;

    @Inject
    Locations locations;

    /**
     * Starts an upload: 202 with {@code Location}, {@code Range: 0-0} and {@code Docker-Upload-UUID}.
     * With {@code ?digest=} the body is the whole blob: 201 with {@code Location} and {@code Docker-Content-Digest}.
     * With {@code ?mount=<digest>&from=<repository>}: 201 if the blob is visible there and the caller may pull
     * from there, else (also when either parameter is malformed) a normal 202 upload.
     * 404 NAME_UNKNOWN when the project does not exist; 400 DIGEST_INVALID when the body does not match.
     */
    @Operation(operationId = "startBlobUpload", summary = "Start a blob upload, or mount or push a blob in one request")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the upload")
    @APIResponse(responseCode = "201", description = "Created (mounted, or pushed in one request)")
    @POST
    public Response start(@PathParam("name") String nameText, @QueryParam("digest") String digestText,
            @QueryParam("mount") String mountText, @QueryParam("from") String fromText,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, @Context HttpServletRequest request,
            InputStream body) {
        RepositoryName name = new RepositoryName(nameText);
        if (mountText != null && fromText != null) {
            Optional<Digest> mounted = mount(name, mountText, fromText, request);
            if (mounted.isPresent()) {
                return created(name, mounted.get());
            }
        }
        if (digestText != null) {
            Digest digest = Digest.parse(digestText);
            uploads.monolithic(name, digest, body, contentLength == null ? -1 : contentLength);
            return created(name, digest);
        }
        return inProgress(Response.accepted(), uploads.start(name));
    }

    /**
     * Appends a chunk: with {@code Content-Range} it must start where the upload stands (else 416 with the
     * current {@code Range}); without it the body is a streamed chunk. 202 with {@code Location} and {@code Range}.
     * 400 SIZE_INVALID when the body is not as long as announced; a refused chunk leaves the upload unchanged.
     */
    @Operation(operationId = "appendBlobUpload", summary = "Append a chunk to a blob upload")
    @APIResponse(responseCode = "202", description = "Accepted; Range says what was received")
    @PATCH
    @Path(RegistryRoute.UPLOAD)
    public Response append(@PathParam("name") String name, @PathParam("uuid") String uuid,
            @HeaderParam("Content-Range") String contentRange,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        UploadStatus status = uploads.append(new RepositoryName(name), uuid, range(contentRange), body,
                contentLength == null ? -1 : contentLength);
        return inProgress(Response.accepted(), status);
    }

    /**
     * Completes the upload with {@code ?digest=}, the body optionally carrying a last chunk: 201 with
     * {@code Location} and {@code Docker-Content-Digest}; 400 DIGEST_INVALID (and the upload is discarded)
     * when the bytes do not match; 404 BLOB_UPLOAD_UNKNOWN.
     */
    @Operation(operationId = "completeBlobUpload", summary = "Complete a blob upload")
    @APIResponse(responseCode = "201", description = "Created; Location names the blob")
    @PUT
    @Path(RegistryRoute.UPLOAD)
    public Response complete(@PathParam("name") String nameText, @PathParam("uuid") String uuid,
            @QueryParam("digest") String digestText, @HeaderParam("Content-Range") String contentRange,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        RepositoryName name = new RepositoryName(nameText);
        if (digestText == null) {
            throw RegistryException.of(OciErrorCode.DIGEST_INVALID, "the digest query parameter is required");
        }
        Digest digest = Digest.parse(digestText);
        uploads.complete(name, uuid, digest, range(contentRange), body, contentLength == null ? -1 : contentLength);
        return created(name, digest);
    }

    /** 204 with {@code Range} (bytes received so far) and {@code Location}; 404 BLOB_UPLOAD_UNKNOWN. */
    @Operation(operationId = "getBlobUploadStatus", summary = "Get the progress of a blob upload")
    @APIResponse(responseCode = "204", description = "Range says what was received")
    @GET
    @Path(RegistryRoute.UPLOAD)
    public Response status(@PathParam("name") String name, @PathParam("uuid") String uuid) {
        return inProgress(Response.noContent(), uploads.status(new RepositoryName(name), uuid));
    }

    /** Cancels the upload: 204; 404 BLOB_UPLOAD_UNKNOWN. */
    @Operation(operationId = "cancelBlobUpload", summary = "Cancel a blob upload")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @DELETE
    @Path(RegistryRoute.UPLOAD)
    public Response cancel(@PathParam("name") String name, @PathParam("uuid") String uuid) {
        uploads.cancel(new RepositoryName(name), uuid);
        return Response.noContent().build();
    }

    /**
     * The mounted digest, or empty when {@code from} does not have the blob, and also when {@code mount} is no
     * digest or {@code from} no Berth repository (say {@code busybox}, without a project): the specification's
     * answer to a mount the registry cannot perform is a plain upload (202), not a failed push, and distribution
     * treats unreadable mount parameters the same way. A source the caller may not pull from (see
     * {@link RequestGrant}) is answered the same way: the blob is uploaded again rather than lent from a repository
     * the caller cannot read, and the answer does not tell whether that repository holds it.
     */
    private Optional<Digest> mount(RepositoryName name, String mountText, String fromText, HttpServletRequest request) {
        Digest digest;
        RepositoryName from;
        try {
            digest = Digest.parse(mountText);
            from = new RepositoryName(fromText);
        } catch (RegistryException e) {
            return Optional.empty();
        }
        if (!(request.getAttribute(RequestGrant.ATTRIBUTE) instanceof RequestGrant grant) || !grant.mayPull(from.value())) {
            return Optional.empty();
        }
        return blobs.mount(name, digest, from) ? Optional.of(digest) : Optional.empty();
    }

    private Response inProgress(Response.ResponseBuilder response, UploadStatus status) {
        return response
                .header(HttpHeaders.LOCATION, locations.upload(status.repository(), status.uuid()))
                .header("Range", ContentRange.uploadRangeHeader(status.size()))
                .header("Docker-Upload-UUID", status.uuid())
                .header(HttpHeaders.CONTENT_LENGTH, 0)
                .build();
    }

    private Response created(RepositoryName name, Digest digest) {
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, locations.blob(name, digest))
                .header("Docker-Content-Digest", digest.toString())
                .header(HttpHeaders.CONTENT_LENGTH, 0)
                .build();
    }

    private static ContentRange range(String header) {
        return header == null || header.isBlank() ? null : ContentRange.parse(header);
    }
}
