package io.berth.rbac.boundary;

import io.berth.platform.api.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
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
import java.net.URI;
import java.util.List;

/** {@code /api/v2.0/projects}: Harbor's project operations. */
@Path("projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    @Inject
    Projects projects;

    /** 201 with {@code Location: /api/v2.0/projects/<id>}; 400 bad name; 409 exists. */
    @POST
    public Response create(ProjectRequest request) {
        ProjectView created = projects.create(request == null ? new ProjectRequest(null, null, null, null) : request);
        return Response.created(URI.create("/api/v2.0/projects/" + created.projectId())).build();
    }

    /** 200 if a project of that name exists, else 404 (Harbor's name check before creating). */
    @HEAD
    public Response exists(@QueryParam("project_name") String name) {
        return projects.exists(name) ? Response.ok().build() : Response.status(404).build();
    }

    /** A page of projects with {@code X-Total-Count} and {@code Link}. */
    @GET
    public Response list(@QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize,
            @QueryParam("name") String name, @QueryParam("public") Boolean publicOnly, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        List<ProjectView> found = projects.list(request, name, publicOnly);
        return request.headers(Response.ok(found), projects.count(name, publicOnly), uri).build();
    }

    @GET
    @Path("{project_name_or_id}")
    public ProjectView get(@PathParam("project_name_or_id") String nameOrId) {
        return projects.get(nameOrId);
    }

    @PUT
    @Path("{project_name_or_id}")
    public Response update(@PathParam("project_name_or_id") String nameOrId, ProjectRequest request) {
        projects.update(nameOrId, request == null ? new ProjectRequest(null, null, null, null) : request);
        return Response.ok().build();
    }

    /** 200; 404; 412 while the project holds repositories. */
    @DELETE
    @Path("{project_name_or_id}")
    public Response delete(@PathParam("project_name_or_id") String nameOrId) {
        projects.delete(nameOrId);
        return Response.ok().build();
    }

    @GET
    @Path("{project_name_or_id}/_deletable")
    public Response deletable(@PathParam("project_name_or_id") String nameOrId) {
        return Response.ok(projects.deletable(nameOrId)).build();
    }
}
