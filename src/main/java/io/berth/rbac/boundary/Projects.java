package io.berth.rbac.boundary;

import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.entity.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Projects: create, find, list, update metadata, delete. A project name is Harbor's grammar and unique; a
 * project that still holds repositories cannot be deleted (Harbor answers 412 the same way).
 */
@ApplicationScoped
public class Projects {

    /** Metadata keys Harbor defines; others are refused so typos surface instead of being stored. */
    static final Set<String> METADATA_KEYS = Set.of("public", "enable_content_trust", "enable_content_trust_cosign",
            "prevent_vul", "severity", "auto_scan", "auto_sbom_generation", "reuse_sys_cve_allowlist",
            "retention_id", "proxy_speed_kb");

    @PersistenceContext
    EntityManager em;

    /** Creates a project; 400 for a bad name or metadata, 409 when the name is taken. */
    @Transactional
    public ProjectView create(ProjectRequest request) {
        String name = request.projectName();
        if (name == null || !Project.isValidName(name)) {
            throw ApiException.badRequest("project_name must be 1 to 255 lower-case letters, digits and . _ - separators,"
                    + " starting and ending with a letter or digit");
        }
        if (find(name).isPresent()) {
            throw ApiException.of(ApiError.CONFLICT, "The project named %s already exists", name);
        }
        Map<String, String> metadata = request.metadata() == null ? Map.of() : request.metadata();
        metadata.keySet().stream().filter(k -> !METADATA_KEYS.contains(k)).findFirst().ifPresent(k -> {
            throw ApiException.badRequest("unknown project metadata %s", k);
        });
        boolean publicAccess = metadata.containsKey("public")
                ? parseBoolean("public", metadata.get("public"))
                : Boolean.TRUE.equals(request.publicAccess());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Project project = new Project(name, publicAccess, null, now);
        metadata.forEach((k, v) -> {
            if (!"public".equals(k)) {
                project.putMetadata(k, v, now);
            }
        });
        em.persist(project);
        em.flush();
        return ProjectView.of(project, 0);
    }

    /** A project by name or, when {@code nameOrId} is all digits, by id. */
    public ProjectView get(String nameOrId) {
        Project project = resolve(nameOrId).orElseThrow(() -> ApiException.notFound("project %s not found", nameOrId));
        return ProjectView.of(project, repositoryCount(project.id()));
    }

    public boolean exists(String name) {
        return find(name).isPresent();
    }

    /** One page of projects in name order, optionally filtered by exact name and by publicity. */
    public List<ProjectView> list(PageRequest page, String name, Boolean publicOnly) {
        return em.createQuery("SELECT p FROM Project p WHERE (:name IS NULL OR p.name = :name)"
                        + " AND (:public IS NULL OR p.publicAccess = :public) ORDER BY p.name", Project.class)
                .setParameter("name", name)
                .setParameter("public", publicOnly)
                .setFirstResult(page.offset())
                .setMaxResults(page.pageSize())
                .getResultStream()
                .map(p -> ProjectView.of(p, repositoryCount(p.id())))
                .toList();
    }

    public long count(String name, Boolean publicOnly) {
        return em.createQuery("SELECT COUNT(p) FROM Project p WHERE (:name IS NULL OR p.name = :name)"
                        + " AND (:public IS NULL OR p.publicAccess = :public)", Long.class)
                .setParameter("name", name)
                .setParameter("public", publicOnly)
                .getSingleResult();
    }

    /** Replaces the given metadata keys (Harbor's PUT /projects/{id}). */
    @Transactional
    public void update(String nameOrId, ProjectRequest request) {
        Project project = resolve(nameOrId).orElseThrow(() -> ApiException.notFound("project %s not found", nameOrId));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (request.metadata() != null) {
            for (Map.Entry<String, String> e : request.metadata().entrySet()) {
                if (!METADATA_KEYS.contains(e.getKey())) {
                    throw ApiException.badRequest("unknown project metadata %s", e.getKey());
                }
                String value = "public".equals(e.getKey()) ? Boolean.toString(parseBoolean("public", e.getValue())) : e.getValue();
                project.putMetadata(e.getKey(), value, now);
            }
        }
    }

    /** Deletes an empty project; 412 while it holds repositories. */
    @Transactional
    public void delete(String nameOrId) {
        Project project = resolve(nameOrId).orElseThrow(() -> ApiException.notFound("project %s not found", nameOrId));
        if (repositoryCount(project.id()) > 0) {
            throw ApiException.of(ApiError.PRECONDITION, "the project %s still contains repositories", project.name());
        }
        em.remove(project);
    }

    /** Whether a project can be deleted, and why not (Harbor's {@code _deletable}). */
    public Map<String, Object> deletable(String nameOrId) {
        Project project = resolve(nameOrId).orElseThrow(() -> ApiException.notFound("project %s not found", nameOrId));
        long repositories = repositoryCount(project.id());
        return repositories == 0
                ? Map.of("deletable", true)
                : Map.of("deletable", false, "message", "the project contains repositories");
    }

    private Optional<Project> resolve(String nameOrId) {
        if (nameOrId != null && nameOrId.matches("\\d{1,18}")) {
            return Optional.ofNullable(em.find(Project.class, Long.parseLong(nameOrId)));
        }
        return find(nameOrId);
    }

    private Optional<Project> find(String name) {
        return em.createNamedQuery(Project.FIND_BY_NAME, Project.class)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    private long repositoryCount(long projectId) {
        return em.createQuery("SELECT COUNT(r) FROM Repository r WHERE r.projectId = :projectId", Long.class)
                .setParameter("projectId", projectId)
                .getSingleResult();
    }

    private static boolean parseBoolean(String key, String value) {
        if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            throw ApiException.badRequest("metadata %s must be \"true\" or \"false\"", key);
        }
        return Boolean.parseBoolean(value);
    }
}
