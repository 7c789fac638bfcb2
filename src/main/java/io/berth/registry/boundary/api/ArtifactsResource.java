package io.berth.registry.boundary.api;

import io.berth.platform.api.ApiDocs;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v2.0/projects/{project_name}/repositories/{repository_name}/artifacts}: Harbor's artifacts, their
 * tags, labels and accessories. {@code reference} is a tag or a digest. Every answer for something missing or
 * invisible to the caller is 404; a visible project without the permission is 401 (anonymous) or 403.
 */
@Tag(name = "artifact")
@Path("projects/{project_name}/repositories/{repository_name}/artifacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArtifactsResource {

    @Inject
    Artifacts artifacts;

    @Inject
    ArtifactCopies copies;

    @Inject
    ArtifactTags tags;

    @Inject
    Labels labels;

    @Inject
    CallerContext caller;

    @PathParam("project_name")
    String project;

    @PathParam("repository_name")
    String repositoryParam;

    /**
     * 200 with {@code X-Total-Count} and {@code Link}. {@code with_tag} (default true), {@code with_label} and
     * {@code with_accessory} add those parts; the scan, SBOM and immutability flags are accepted and change nothing.
     */
    @Operation(operationId = "listArtifacts", summary = "List artifacts")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = ApiDocs.QUERY)
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = ApiDocs.SORT)
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("page") Integer page,
            @QueryParam("page_size") Integer pageSize, @QueryParam("with_tag") @DefaultValue("true") boolean withTag,
            @QueryParam("with_label") boolean withLabel, @QueryParam("with_accessory") boolean withAccessory,
            @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<ArtifactView> found = artifacts.list(caller.get(), project, repository(), request, q, sort,
                new ArtifactViews.Flags(withTag, withLabel, withAccessory));
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    /** Copies {@code from} here: 201 with {@code Location} of the copy; 400 bad {@code from}; 401/403; 404 source. */
    @Operation(operationId = "CopyArtifact", summary = "Copy an artifact")
    @APIResponse(responseCode = "201", description = "Created; Location names the new copy")
    @POST
    public Response copy(@QueryParam("from") String from) {
        String digest = copies.copy(caller.get(), project, repository(), from);
        return Response.created(UriBuilder.fromPath("/api/v2.0/projects/{p}/repositories/{r}/artifacts/{d}")
                .build(project, repositoryParam, digest)).build();
    }

    @Operation(operationId = "getArtifact", summary = "Get an artifact by tag or digest")
    @GET
    @Path("{reference}")
    public ArtifactView get(@PathParam("reference") String reference,
            @QueryParam("with_tag") @DefaultValue("true") boolean withTag, @QueryParam("with_label") boolean withLabel,
            @QueryParam("with_accessory") boolean withAccessory) {
        return artifacts.get(caller.get(), project, repository(), reference,
                new ArtifactViews.Flags(withTag, withLabel, withAccessory));
    }

    /** Deletes the artifact (by tag or digest) with its tags: 200; 401/403; 404; 412 while an index lists it. */
    @Operation(operationId = "deleteArtifact", summary = "Delete an artifact")
    @APIResponse(responseCode = "412", description = "An index still refers to the artifact")
    @DELETE
    @Path("{reference}")
    public Response delete(@PathParam("reference") String reference) {
        artifacts.delete(caller.get(), project, repository(), reference);
        return Response.ok().build();
    }

    @Operation(operationId = "listTags", summary = "List an artifact's tags")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = ApiDocs.QUERY)
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = ApiDocs.SORT)
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    @Path("{reference}/tags")
    public Response listTags(@PathParam("reference") String reference, @QueryParam("q") String q,
            @QueryParam("sort") String sort, @QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize,
            @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<TagView> found = tags.list(caller.get(), project, repository(), reference, request, q, sort);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    /** 201; 400 invalid name; 401/403; 404 artifact; 409 when the repository has the tag already. */
    @Operation(operationId = "createTag", summary = "Create a tag")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The repository has the tag already")
    @POST
    @Path("{reference}/tags")
    public Response createTag(@PathParam("reference") String reference, TagRequest request) {
        tags.create(caller.get(), project, repository(), reference, request);
        return Response.status(Response.Status.CREATED).build();
    }

    @Operation(operationId = "deleteTag", summary = "Delete a tag")
    @DELETE
    @Path("{reference}/tags/{tag_name}")
    public Response deleteTag(@PathParam("reference") String reference, @PathParam("tag_name") String tagName) {
        tags.delete(caller.get(), project, repository(), reference, tagName);
        return Response.ok().build();
    }

    /** Attaches the label {@code {"id": n}}: 200; 401/403; 404 artifact or label; 409 when already attached. */
    @Operation(operationId = "addLabel", summary = "Add a label to an artifact")
    @POST
    @Path("{reference}/labels")
    public Response addLabel(@PathParam("reference") String reference, LabelRequest request) {
        labels.attach(caller.get(), project, repository(), reference, request);
        return Response.ok().build();
    }

    @Operation(operationId = "removeLabel", summary = "Remove a label from an artifact")
    @DELETE
    @Path("{reference}/labels/{label_id}")
    public Response removeLabel(@PathParam("reference") String reference, @PathParam("label_id") long labelId) {
        labels.detach(caller.get(), project, repository(), reference, labelId);
        return Response.ok().build();
    }

    @Operation(operationId = "listAccessories", summary = "List an artifact's accessories")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = ApiDocs.PAGE)
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = ApiDocs.PAGE_SIZE)
    @GET
    @Path("{reference}/accessories")
    public Response accessories(@PathParam("reference") String reference, @QueryParam("page") Integer page,
            @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        Listing<AccessoryView> found = artifacts.accessories(caller.get(), project, repository(), reference, request);
        return request.headers(Response.ok(found.items()), found.total(), uri).build();
    }

    private String repository() {
        return RepositoryPaths.decode(repositoryParam);
    }
}
