package io.berth.rbac.boundary;

import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ProjectChanged;
import io.berth.events.ResourceType;
import io.berth.platform.RuntimeSettings;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.CriteriaPage;
import io.berth.platform.api.ListQuery;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.platform.api.QueryFields;
import io.berth.rbac.control.AccessDenied;
import io.berth.rbac.control.AccessEvaluator;
import io.berth.rbac.control.ProjectGuard;
import io.berth.rbac.control.ProjectQuotas;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Member;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Resource;
import io.berth.rbac.entity.RobotGrant;
import io.berth.rbac.entity.Role;
import io.berth.rbac.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Projects: create, find, list, update metadata, delete, for one caller at a time.
 * <ul>
 * <li>Creating needs a signed-in user (or a robot with the system {@code project:create} permission), and a system
 * administrator when {@code project_creation_restriction} is {@code adminonly}. The creator becomes the owner and
 * a Project Admin member.</li>
 * <li>Listing shows public projects and those the caller is a member of (directly or through a group);
 * administrators see all.</li>
 * <li>Reading, updating and deleting one project need {@code read}, {@code update} and {@code delete} on it; a
 * project the caller cannot see is 404 exactly like a missing one ({@link ProjectGuard}).</li>
 * </ul>
 * A project name is Harbor's grammar and unique; a project that still holds repositories cannot be deleted
 * (Harbor answers 412 the same way).
 */
@ApplicationScoped
public class Projects {

    /** Metadata keys Harbor defines; others are refused so typos surface instead of being stored. */
    static final Set<String> METADATA_KEYS = Set.of("public", "enable_content_trust", "enable_content_trust_cosign",
            "prevent_vul", "severity", "auto_scan", "auto_sbom_generation", "reuse_sys_cve_allowlist",
            "retention_id", "proxy_speed_kb");
    static final Permission READ = Permission.of(Resource.PROJECT_SELF, Action.READ);
    static final Permission UPDATE = Permission.of(Resource.PROJECT_SELF, Action.UPDATE);
    static final Permission DELETE = Permission.of(Resource.PROJECT_SELF, Action.DELETE);
    private static final List<Long> NOBODY = List.of(-1L);
    private static final List<String> NO_NAMES = List.of("");

    /** What {@code GET /projects} filters ({@code q}) and sorts by. */
    static final QueryFields QUERY = QueryFields.builder()
            .both("name", "name").both("project_id", "id").filter("public", "publicAccess").filter("owner_id", "ownerId")
            .both("creation_time", "creationTime").both("update_time", "updateTime").build();

    @PersistenceContext
    EntityManager em;

    @Inject
    ProjectGuard guard;

    @Inject
    AccessEvaluator access;

    @Inject
    RuntimeSettings settings;

    @Inject
    Event<ProjectChanged> changed;

    @Inject
    ProjectQuotas quotas;

    @Inject
    Event<AuditEvent> audit;

    /** Creates a project; 400 for a bad name or metadata, 401/403 when the caller may not, 409 when the name is taken. */
    @Transactional
    public ProjectView create(Caller caller, ProjectRequest request) {
        requireCreator(caller);
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
        Instant now = now();
        Long ownerId = caller instanceof Caller.UserCaller user ? user.id() : null;
        Project project = new Project(name, publicAccess, ownerId, now);
        metadata.forEach((k, v) -> {
            if (!"public".equals(k)) {
                project.putMetadata(k, v, now);
            }
        });
        em.persist(project);
        em.flush();
        quotas.open(caller, project.id(), request.storageLimit());
        changed.fire(new ProjectChanged(name));
        audit.fire(AuditEvent.of(Operation.CREATE, ResourceType.PROJECT, name).inProject(project.id(), name));
        if (ownerId != null) {
            em.persist(new Member(project.id(), ownerId, Member.USER, Role.PROJECT_ADMIN, now));
        }
        return ProjectView.of(project, 0, caller.name(), ownerId == null ? Set.of() : EnumSet.of(Role.PROJECT_ADMIN));
    }

    /** A project by name or, when {@code nameOrId} is all digits and not flagged as a name, by id. */
    public ProjectView get(Caller caller, String nameOrId, boolean isName) {
        return views(caller, List.of(guard.require(caller, nameOrId, isName, READ))).getFirst();
    }

    /** Whether a project of that name exists, for signed-in callers (who would learn it from a 409 anyway). */
    public boolean exists(Caller caller, String name) {
        AccessDenied.requireAuthenticated(caller);
        return name != null && find(name).isPresent();
    }

    /**
     * One page of the projects the caller may see, in name order unless {@code sort} says otherwise; filtered by
     * {@code q} and by Harbor's own parameters: {@code name} (exact), {@code public} and {@code owner} (a user name).
     */
    public Listing<ProjectView> list(Caller caller, PageRequest page, String q, String sort, String name, Boolean publicOnly, String owner) {
        ListQuery query = QUERY.parse(q, sort);
        if (name != null && !name.isEmpty()) {
            query = query.with("name", new ListQuery.Exact(name));
        }
        if (publicOnly != null) {
            query = query.with("public", new ListQuery.Exact(publicOnly.toString()));
        }
        ListQuery filter = query;
        Visibility visibility = Visibility.of(caller);
        CriteriaPage.Where<Project> where = (cb, criteria, p) -> {
            List<Predicate> predicates = new ArrayList<>(QUERY.predicates(cb, p, filter));
            if (owner != null && !owner.isEmpty()) {
                Subquery<Long> owners = criteria.subquery(Long.class);
                Root<User> u = owners.from(User.class);
                owners.select(u.get("id")).where(cb.equal(u.get("username"), owner));
                predicates.add(p.get("ownerId").in(owners));
            }
            if (!visibility.all) {
                Subquery<Long> memberOf = criteria.subquery(Long.class);
                Root<Member> m = memberOf.from(Member.class);
                memberOf.select(m.get("projectId")).where(cb.or(
                        cb.and(cb.equal(m.get("entityType"), Member.USER), cb.equal(m.get("entityId"), visibility.userId)),
                        cb.and(cb.equal(m.get("entityType"), Member.GROUP), m.get("entityId").in(visibility.groupIds))));
                predicates.add(cb.or(cb.isTrue(p.get("publicAccess")), p.get("name").in(visibility.names), p.get("id").in(memberOf)));
            }
            return predicates;
        };
        CriteriaPage.Sort<Project> order = (cb, p) -> filter.sort().isEmpty()
                ? List.of(cb.asc(p.get("name")), cb.asc(p.get("id")))
                : QUERY.orders(cb, p, filter, "id");
        List<Project> found = CriteriaPage.select(em, Project.class, where, order, page);
        return new Listing<>(views(caller, found), CriteriaPage.count(em, Project.class, where));
    }

    /**
     * Replaces the given metadata keys (Harbor's PUT /projects/{id}); Project Admins and administrators. A
     * {@code storage_limit} in the request changes nothing, as in Harbor: quotas change through {@code PUT /quotas/{id}}.
     */
    @Transactional
    public void update(Caller caller, String nameOrId, boolean isName, ProjectRequest request) {
        Project project = guard.require(caller, nameOrId, isName, UPDATE);
        Instant now = now();
        if (request.metadata() != null) {
            for (Map.Entry<String, String> e : request.metadata().entrySet()) {
                if (!METADATA_KEYS.contains(e.getKey())) {
                    throw ApiException.badRequest("unknown project metadata %s", e.getKey());
                }
                String value = "public".equals(e.getKey()) ? Boolean.toString(parseBoolean("public", e.getValue())) : e.getValue();
                project.putMetadata(e.getKey(), value, now);
            }
            changed.fire(new ProjectChanged(project.name()));
            audit.fire(AuditEvent.of(Operation.UPDATE, ResourceType.PROJECT, project.name()).inProject(project.id(), project.name())
                    .describedAs("metadata " + String.join(",", request.metadata().keySet())));
        }
    }

    /** Deletes an empty project (members and robots go with it); 412 while it holds repositories. */
    @Transactional
    public void delete(Caller caller, String nameOrId, boolean isName) {
        Project project = guard.require(caller, nameOrId, isName, DELETE);
        if (repositoryCounts(List.of(project.id())).getOrDefault(project.id(), 0L) > 0) {
            throw ApiException.of(ApiError.PRECONDITION, "the project %s still contains repositories", project.name());
        }
        em.remove(project);
        changed.fire(new ProjectChanged(project.name()));
        audit.fire(AuditEvent.of(Operation.DELETE, ResourceType.PROJECT, project.name()).inProject(project.id(), project.name()));
    }

    /** Whether a project can be deleted, and why not (Harbor's {@code _deletable}); for those who may delete it. */
    public Map<String, Object> deletable(Caller caller, String nameOrId, boolean isName) {
        Project project = guard.require(caller, nameOrId, isName, DELETE);
        long repositories = repositoryCounts(List.of(project.id())).getOrDefault(project.id(), 0L);
        return repositories == 0
                ? Map.of("deletable", true)
                : Map.of("deletable", false, "message", "the project contains repositories");
    }

    /**
     * Harbor's summary: repository count, the storage quota for callers who may read it, and member counts per role
     * for callers who may list members.
     */
    public ProjectSummary summary(Caller caller, String nameOrId, boolean isName) {
        Project project = guard.require(caller, nameOrId, isName, READ);
        long repositories = repositoryCounts(List.of(project.id())).getOrDefault(project.id(), 0L);
        ProjectSummary.Quota quota = access.can(caller, project, Permission.of(Resource.QUOTA, Action.READ))
                ? quotas.storage(project.id()).map(ProjectSummary.Quota::of).orElse(null)
                : null;
        if (!access.can(caller, project, Permission.of(Resource.MEMBER, Action.LIST))) {
            return new ProjectSummary(repositories, null, null, null, null, null, quota);
        }
        Map<Integer, Integer> perRole = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT m.role, COUNT(m) FROM Member m WHERE m.projectId = :projectId GROUP BY m.role",
                Object[].class).setParameter("projectId", project.id()).getResultList()) {
            perRole.put(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
        }
        return new ProjectSummary(repositories, perRole.getOrDefault(Role.PROJECT_ADMIN.id(), 0),
                perRole.getOrDefault(Role.MAINTAINER.id(), 0), perRole.getOrDefault(Role.DEVELOPER.id(), 0),
                perRole.getOrDefault(Role.GUEST.id(), 0), perRole.getOrDefault(Role.LIMITED_GUEST.id(), 0), quota);
    }

    private void requireCreator(Caller caller) {
        AccessDenied.requireAuthenticated(caller);
        if (caller instanceof Caller.RobotCaller) {
            if (!access.canSystem(caller, Permission.of(Resource.PROJECT, Action.CREATE))) {
                throw AccessDenied.of(caller, "this robot account may not create projects");
            }
            return;
        }
        if ("adminonly".equals(settings.get("project_creation_restriction", "everyone")) && !caller.isSysadmin()) {
            throw AccessDenied.of(caller, "only system administrators may create projects");
        }
    }

    /** Views of {@code projects} for {@code caller}, with owners, roles and repository counts in three queries. */
    private List<ProjectView> views(Caller caller, List<Project> projects) {
        if (projects.isEmpty()) {
            return List.of();
        }
        List<Long> ids = projects.stream().map(Project::id).toList();
        Map<Long, Long> repositories = repositoryCounts(ids);
        Map<Long, String> owners = new HashMap<>();
        List<Long> ownerIds = projects.stream().map(Project::ownerId).filter(java.util.Objects::nonNull).distinct().toList();
        if (!ownerIds.isEmpty()) {
            em.createQuery("SELECT u FROM User u WHERE u.id IN :ids", User.class).setParameter("ids", ownerIds)
                    .getResultStream().forEach(u -> owners.put(u.id(), u.username()));
        }
        Map<Long, Set<Role>> roles = new HashMap<>();
        if (caller instanceof Caller.UserCaller user) {
            for (Object[] row : em.createQuery("SELECT m.projectId, m.role FROM Member m WHERE m.projectId IN :ids"
                            + " AND ((m.entityType = 'u' AND m.entityId = :userId) OR (m.entityType = 'g' AND m.entityId IN :groupIds))",
                            Object[].class)
                    .setParameter("ids", ids).setParameter("userId", user.id())
                    .setParameter("groupIds", user.groupIds().isEmpty() ? NOBODY : List.copyOf(user.groupIds()))
                    .getResultList()) {
                Role.ofId(((Number) row[1]).intValue()).ifPresent(role ->
                        roles.computeIfAbsent(((Number) row[0]).longValue(), k -> EnumSet.noneOf(Role.class)).add(role));
            }
        }
        return projects.stream().map(p -> ProjectView.of(p, repositories.getOrDefault(p.id(), 0L),
                p.ownerId() == null ? null : owners.get(p.ownerId()), roles.getOrDefault(p.id(), Set.of()))).toList();
    }

    private Map<Long, Long> repositoryCounts(List<Long> projectIds) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT r.projectId, COUNT(r) FROM Repository r WHERE r.projectId IN :ids"
                + " GROUP BY r.projectId", Object[].class).setParameter("ids", projectIds).getResultList()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    private Optional<Project> find(String name) {
        return em.createNamedQuery(Project.FIND_BY_NAME, Project.class)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    private static boolean parseBoolean(String key, String value) {
        if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            throw ApiException.badRequest("metadata %s must be \"true\" or \"false\"", key);
        }
        return Boolean.parseBoolean(value);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Which projects a caller sees in a list, as query parameters: everything (administrators, robots granted
     * every project), or public ones plus memberships of the user and its groups, plus the projects a robot's
     * grants name. The placeholders for "none" keep {@code IN} lists non-empty.
     */
    private record Visibility(boolean all, long userId, List<Long> groupIds, List<String> names) {

        static Visibility of(Caller caller) {
            return switch (caller) {
                case Caller.Anonymous anonymous -> new Visibility(false, -1, NOBODY, NO_NAMES);
                case Caller.UserCaller user -> new Visibility(user.isSysadmin(), user.id(),
                        user.groupIds().isEmpty() ? NOBODY : List.copyOf(user.groupIds()), NO_NAMES);
                case Caller.RobotCaller robot -> {
                    List<String> names = robot.grants().stream()
                            .filter(g -> RobotGrant.KIND_PROJECT.equals(g.kind()))
                            .map(RobotGrant::namespace).distinct().toList();
                    yield new Visibility(names.contains(RobotGrant.ALL_PROJECTS), -1, NOBODY,
                            names.isEmpty() ? NO_NAMES : names);
                }
            };
        }
    }
}
