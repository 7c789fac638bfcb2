package io.berth.registry.boundary.api;

import io.berth.platform.api.Likes;
import io.berth.rbac.boundary.ProjectView;
import io.berth.rbac.control.AccessDenied;
import io.berth.rbac.control.VisibleProjects;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Resource;
import io.berth.registry.control.ArtifactCounts;
import io.berth.registry.control.PullStatistics;
import io.berth.registry.entity.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Views across projects: Harbor's {@code GET /search} (projects, repositories and, beyond Harbor, tags whose names
 * contain a text, among those the caller may see: public projects and the caller's own, all for administrators)
 * and {@code GET /statistics} (project and repository counts).
 */
@ApplicationScoped
public class Overview {

    /** Search answers are not paged in Harbor's API; this bounds each list. */
    static final int MAX_SEARCH_RESULTS = 100;
    static final Permission READ_PROJECT = Permission.of(Resource.PROJECT_SELF, Action.READ);
    static final Permission LIST_TAGS = Permission.of(Resource.TAG, Action.LIST);

    @PersistenceContext
    EntityManager em;

    @Inject
    VisibleProjects visible;

    @Inject
    ArtifactCounts counts;

    @Inject
    PullStatistics pulls;

    public SearchResult search(Caller caller, String text) {
        String pattern = Likes.containing(text == null ? "" : text.strip());
        Optional<List<Long>> projectIds = visible.ids(caller, READ_PROJECT);
        Optional<List<Long>> repositoryProjectIds = visible.ids(caller, Repositories.LIST);
        Optional<List<Long>> tagProjectIds = visible.ids(caller, LIST_TAGS);
        List<Project> projects = projectIds.isPresent() && projectIds.get().isEmpty() ? List.of()
                : em.createQuery("SELECT p FROM Project p WHERE LOWER(p.name) LIKE :pattern ESCAPE '!'"
                        + " AND (:all = TRUE OR p.id IN :ids) ORDER BY p.name", Project.class)
                .setParameter("pattern", pattern).setParameter("all", projectIds.isEmpty())
                .setParameter("ids", projectIds.orElse(List.of(-1L)))
                .setMaxResults(MAX_SEARCH_RESULTS).getResultList();
        List<Repository> repositories = repositoryProjectIds.isPresent() && repositoryProjectIds.get().isEmpty() ? List.of()
                : em.createQuery("SELECT r FROM Repository r WHERE LOWER(r.name) LIKE :pattern ESCAPE '!'"
                        + " AND (:all = TRUE OR r.projectId IN :ids) ORDER BY r.name", Repository.class)
                .setParameter("pattern", pattern).setParameter("all", repositoryProjectIds.isEmpty())
                .setParameter("ids", repositoryProjectIds.orElse(List.of(-1L)))
                .setMaxResults(MAX_SEARCH_RESULTS).getResultList();

        List<Object[]> tags = tagProjectIds.isPresent() && tagProjectIds.get().isEmpty() ? List.of()
                : em.createQuery("SELECT t.name, r.name, r.projectId, a.digest, t.pushTime FROM ArtifactTag t, Repository r,"
                        + " Artifact a WHERE t.repositoryId = r.id AND t.artifactId = a.id AND LOWER(t.name) LIKE :pattern"
                        + " ESCAPE '!' AND (:all = TRUE OR r.projectId IN :ids) ORDER BY t.name, r.name", Object[].class)
                .setParameter("pattern", pattern).setParameter("all", tagProjectIds.isEmpty())
                .setParameter("ids", tagProjectIds.orElse(List.of(-1L)))
                .setMaxResults(MAX_SEARCH_RESULTS).getResultList();

        Map<Long, Long> repoCounts = repositoryCounts(projects.stream().map(Project::id).toList());
        Map<Long, Project> projectsOfRepositories = new HashMap<>();
        List<Long> ownerIds = java.util.stream.Stream.concat(repositories.stream().map(Repository::projectId),
                tags.stream().map(row -> ((Number) row[2]).longValue())).distinct().toList();
        if (!ownerIds.isEmpty()) {
            em.createQuery("SELECT p FROM Project p WHERE p.id IN :ids", Project.class).setParameter("ids", ownerIds)
                    .getResultStream().forEach(p -> projectsOfRepositories.put(p.id(), p));
        }
        Map<Long, Long> artifactCounts = counts.of(repositories.stream().map(Repository::id).toList());
        Map<Long, Long> pullCounts = pulls.pullCounts(repositories);
        return new SearchResult(
                projects.stream().map(p -> ProjectView.of(p, repoCounts.getOrDefault(p.id(), 0L), null, Set.of())).toList(),
                repositories.stream().map(r -> {
                    Project p = projectsOfRepositories.get(r.projectId());
                    return new SearchResult.SearchRepository(p.id(), p.name(), p.isPublic(), r.name(), pullCounts.getOrDefault(r.id(), r.pullCount()),
                            artifactCounts.getOrDefault(r.id(), 0L));
                }).toList(),
                tags.stream().map(row -> {
                    Project p = projectsOfRepositories.get(((Number) row[2]).longValue());
                    return new SearchResult.SearchTag(p.id(), p.name(), p.isPublic(), (String) row[1], (String) row[0],
                            (String) row[3], (Instant) row[4]);
                }).toList());
    }

    /** 401 for anonymous callers, as in Harbor. */
    public Statistic statistics(Caller caller) {
        AccessDenied.requireAuthenticated(caller);
        long publicProjects = em.createQuery("SELECT COUNT(p) FROM Project p WHERE p.publicAccess = TRUE", Long.class)
                .getSingleResult();
        long publicRepos = em.createQuery("SELECT COUNT(r) FROM Repository r, Project p WHERE r.projectId = p.id"
                + " AND p.publicAccess = TRUE", Long.class).getSingleResult();
        Optional<List<Long>> ids = visible.ids(caller, READ_PROJECT);
        long privateProjects = 0;
        long privateRepos = 0;
        if (ids.isEmpty() || !ids.get().isEmpty()) {
            privateProjects = em.createQuery("SELECT COUNT(p) FROM Project p WHERE p.publicAccess = FALSE"
                    + " AND (:all = TRUE OR p.id IN :ids)", Long.class)
                    .setParameter("all", ids.isEmpty()).setParameter("ids", ids.orElse(List.of(-1L))).getSingleResult();
            privateRepos = em.createQuery("SELECT COUNT(r) FROM Repository r, Project p WHERE r.projectId = p.id"
                    + " AND p.publicAccess = FALSE AND (:all = TRUE OR p.id IN :ids)", Long.class)
                    .setParameter("all", ids.isEmpty()).setParameter("ids", ids.orElse(List.of(-1L))).getSingleResult();
        }
        Long storage = null;
        if (caller.isSysadmin()) {
            // What the projects hold: a blob shared by two projects counts in each, as Harbor's per-project usage does.
            Long sum = em.createQuery("SELECT SUM(b.size) FROM ProjectBlob pb, Blob b WHERE pb.blobId = b.id", Long.class)
                    .getSingleResult();
            storage = sum == null ? 0L : sum;
        }
        return new Statistic(privateProjects, privateRepos, publicProjects, publicRepos, publicProjects + privateProjects,
                publicRepos + privateRepos, storage);
    }

    private Map<Long, Long> repositoryCounts(List<Long> projectIds) {
        Map<Long, Long> result = new HashMap<>();
        if (projectIds.isEmpty()) {
            return result;
        }
        for (Object[] row : em.createQuery("SELECT r.projectId, COUNT(r) FROM Repository r WHERE r.projectId IN :ids"
                + " GROUP BY r.projectId", Object[].class).setParameter("ids", projectIds).getResultList()) {
            result.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return result;
    }
}
