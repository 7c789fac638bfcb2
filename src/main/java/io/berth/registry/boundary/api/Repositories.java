package io.berth.registry.boundary.api;

import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.CriteriaPage;
import io.berth.platform.api.ListQuery;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.platform.api.QueryFields;
import io.berth.rbac.control.ProjectGuard;
import io.berth.rbac.control.VisibleProjects;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Resource;
import io.berth.registry.control.ArtifactCounts;
import io.berth.registry.control.Clock;
import io.berth.registry.control.ContentLookup;
import io.berth.registry.control.PullStatistics;
import io.berth.registry.entity.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Harbor's repositories: list (across the projects the caller may see, or in one project), read, change the
 * description, delete. Reading needs {@code repository:list} or {@code repository:read}, changing
 * {@code repository:update}, deleting {@code repository:delete} in the project; a repository in a project the
 * caller cannot see is 404 like a missing one ({@link ProjectGuard}).
 * <p>
 * {@code q} keys: {@code name} (the full name, {@code project/repo}), {@code project_id}, {@code creation_time},
 * {@code update_time}, {@code pull_count}; {@code sort} by {@code name}, {@code creation_time}, {@code update_time},
 * {@code pull_count}. Newest first by default, as in Harbor.
 */
@ApplicationScoped
public class Repositories {

    static final Permission LIST = Permission.of(Resource.REPOSITORY, Action.LIST);
    static final Permission READ = Permission.of(Resource.REPOSITORY, Action.READ);
    static final Permission UPDATE = Permission.of(Resource.REPOSITORY, Action.UPDATE);
    static final Permission DELETE = Permission.of(Resource.REPOSITORY, Action.DELETE);

    static final QueryFields FIELDS = QueryFields.builder()
            .both("name", "name")
            .filter("project_id", "projectId")
            .both("creation_time", "creationTime")
            .both("update_time", "updateTime")
            .both("pull_count", "pullCount")
            .build();

    @Inject
    Event<AuditEvent> audit;

    @PersistenceContext
    EntityManager em;

    @Inject
    ProjectGuard guard;

    @Inject
    VisibleProjects visible;

    @Inject
    ContentLookup lookup;

    @Inject
    ArtifactCounts counts;

    @Inject
    ContentRemoval removal;

    @Inject
    PullStatistics pulls;

    /** {@code GET /repositories}: every repository in the projects where the caller may list repositories. */
    public Listing<RepositoryView> listAll(Caller caller, PageRequest page, String q, String sort) {
        ListQuery query = FIELDS.parse(q, sort);
        return list(visible.ids(caller, LIST), page, query);
    }

    /** {@code GET /projects/{p}/repositories}. */
    public Listing<RepositoryView> list(Caller caller, String projectName, PageRequest page, String q, String sort) {
        ListQuery query = FIELDS.parse(q, sort);
        Project project = guard.require(caller, projectName, true, LIST);
        return list(Optional.of(List.of(project.id())), page, query);
    }

    public RepositoryView get(Caller caller, String projectName, String path) {
        Repository repository = require(caller, projectName, path, READ);
        return RepositoryView.of(repository, counts.of(List.of(repository.id())).getOrDefault(repository.id(), 0L),
                pulls.pullCounts(List.of(repository)).getOrDefault(repository.id(), repository.pullCount()));
    }

    /**
     * One repository as {@link #list} shows it, so with {@code repository:list} rather than {@code repository:read}:
     * whoever may list a project's repositories (anonymous visitors of a public project too, as in Harbor) may open
     * one of them. The console's repository page reads it this way; the API's {@code GET} keeps Harbor's permission.
     */
    public RepositoryView listed(Caller caller, String projectName, String path) {
        Repository repository = require(caller, projectName, path, LIST);
        return RepositoryView.of(repository, counts.of(List.of(repository.id())).getOrDefault(repository.id(), 0L),
                pulls.pullCounts(List.of(repository)).getOrDefault(repository.id(), repository.pullCount()));
    }

    @Transactional
    public void update(Caller caller, String projectName, String path, RepositoryRequest request) {
        Repository repository = require(caller, projectName, path, UPDATE);
        String description = request == null || request.description() == null ? "" : request.description();
        if (description.length() > 100_000) {
            throw ApiException.badRequest("description is longer than 100000 characters");
        }
        repository.describe(description, Clock.now());
        audit.fire(AuditEvent.of(Operation.UPDATE, ResourceType.REPOSITORY, repository.name()).inProject(repository.projectId(), projectName));
    }

    /** Deletes the repository with every artifact and tag in it; the blobs are left for garbage collection. */
    public void delete(Caller caller, String projectName, String path) {
        Repository repository = require(caller, projectName, path, DELETE);
        removal.deleteRepository(repository);
    }

    Repository require(Caller caller, String projectName, String path, Permission permission) {
        Project project = guard.require(caller, projectName, true, permission);
        return lookup.repository(project, path)
                .orElseThrow(() -> ApiException.notFound("repository %s/%s not found", projectName, path));
    }

    private Listing<RepositoryView> list(Optional<List<Long>> projectIds, PageRequest page, ListQuery query) {
        if (projectIds.isPresent() && projectIds.get().isEmpty()) {
            return new Listing<>(List.of(), 0);
        }
        CriteriaPage.Where<Repository> where = (cb, criteria, root) -> where(cb, root, projectIds, query);
        List<Repository> found = CriteriaPage.select(em, Repository.class, where, (cb, root) -> query.sort().isEmpty()
                ? List.of(cb.desc(root.get("creationTime")), cb.desc(root.get("id")))
                : FIELDS.orders(cb, root, query, "id"), page);
        long total = CriteriaPage.count(em, Repository.class, where);

        var artifactCounts = counts.of(found.stream().map(Repository::id).toList());
        var pullCounts = pulls.pullCounts(found);
        return new Listing<>(found.stream().map(r -> RepositoryView.of(r, artifactCounts.getOrDefault(r.id(), 0L),
                pullCounts.getOrDefault(r.id(), r.pullCount()))).toList(), total);
    }

    private static List<Predicate> where(CriteriaBuilder cb, Root<Repository> root, Optional<List<Long>> projectIds, ListQuery query) {
        List<Predicate> predicates = new ArrayList<>(FIELDS.predicates(cb, root, query));
        projectIds.ifPresent(ids -> predicates.add(root.get("projectId").in(ids)));
        return predicates;
    }
}
