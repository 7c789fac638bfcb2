package io.berth.registry.boundary.api;

import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.CriteriaPage;
import io.berth.platform.api.Likes;
import io.berth.platform.api.ListQuery;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.platform.api.QueryFields;
import io.berth.rbac.control.AccessDenied;
import io.berth.rbac.control.ProjectGuard;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Resource;
import io.berth.registry.control.Clock;
import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.ArtifactLabel;
import io.berth.registry.entity.Label;
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
import java.util.regex.Pattern;

/**
 * Harbor's labels and their use on artifacts.
 * <ul>
 * <li>Global labels ({@code scope=g}) are listed and read by any signed-in caller and changed by system
 * administrators only.</li>
 * <li>Project labels ({@code scope=p}, with {@code project_id}) need {@code label:list}/{@code read} in the project to
 * be seen (public projects: everyone) and {@code label:create}/{@code update}/{@code delete} to be changed; a label
 * in a project the caller cannot see is 404.</li>
 * <li>Attaching a label to an artifact needs {@code artifact-label:create} (removing: {@code delete}); the label
 * must be global or belong to the artifact's project. Attaching it twice is 409.</li>
 * </ul>
 * {@code q} keys {@code name}; {@code sort} by {@code name}, {@code creation_time}, {@code update_time}.
 */
@ApplicationScoped
public class Labels {

    static final Permission LIST = Permission.of(Resource.LABEL, Action.LIST);
    static final Permission READ = Permission.of(Resource.LABEL, Action.READ);
    static final Permission CREATE = Permission.of(Resource.LABEL, Action.CREATE);
    static final Permission UPDATE = Permission.of(Resource.LABEL, Action.UPDATE);
    static final Permission DELETE = Permission.of(Resource.LABEL, Action.DELETE);
    static final Permission ATTACH = Permission.of(Resource.ARTIFACT_LABEL, Action.CREATE);
    static final Permission DETACH = Permission.of(Resource.ARTIFACT_LABEL, Action.DELETE);
    static final int MAX_NAME = 128;
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{3,8}");

    static final QueryFields FIELDS = QueryFields.builder()
            .both("name", "name")
            .sort("creation_time", "creationTime")
            .sort("update_time", "updateTime")
            .build();

    @Inject
    Event<AuditEvent> audit;

    @PersistenceContext
    EntityManager em;

    @Inject
    ProjectGuard guard;

    @Inject
    Artifacts artifacts;

    public Listing<LabelView> list(Caller caller, PageRequest page, String q, String sort, String name, String scope,
            Long projectId) {
        ListQuery query = FIELDS.parse(q, sort);
        Long project;
        if (scope == null || Label.GLOBAL.equals(scope)) {
            AccessDenied.requireAuthenticated(caller);
            project = null;
        } else if (Label.PROJECT.equals(scope)) {
            if (projectId == null) {
                throw ApiException.badRequest("project_id is needed for project labels (scope=p)");
            }
            project = guard.require(caller, Long.toString(projectId), false, LIST).id();
        } else {
            throw ApiException.badRequest("scope must be g (global) or p (project)");
        }
        CriteriaPage.Where<Label> where = (cb, criteria, root) -> where(cb, root, query, project, name);
        List<LabelView> found = CriteriaPage.select(em, Label.class, where, (cb, root) -> query.sort().isEmpty()
                ? List.of(cb.asc(root.get("name")), cb.asc(root.get("id"))) : FIELDS.orders(cb, root, query, "id"), page)
                .stream().map(LabelView::of).toList();
        return new Listing<>(found, CriteriaPage.count(em, Label.class, where));
    }

    public LabelView get(Caller caller, long id) {
        return LabelView.of(require(caller, id, READ));
    }

    /** Creates a label; the new id. 400 for a bad name, scope or colour, 409 when the name is taken in its scope. */
    @Transactional
    public long create(Caller caller, LabelRequest request) {
        if (request == null) {
            throw ApiException.badRequest("a label is needed");
        }
        validate(request.name(), request.color(), true);
        Long projectId;
        if (request.scope() == null || Label.GLOBAL.equals(request.scope())) {
            requireAdministrator(caller);
            projectId = null;
        } else if (Label.PROJECT.equals(request.scope())) {
            if (request.projectId() == null || request.projectId() <= 0) {
                throw ApiException.badRequest("project_id is needed for a project label");
            }
            projectId = guard.require(caller, Long.toString(request.projectId()), false, CREATE).id();
        } else {
            throw ApiException.badRequest("scope must be g (global) or p (project)");
        }
        requireFree(request.name(), projectId, null);
        Label label = new Label(request.name(), request.description(), request.color(), projectId, Clock.now());
        em.persist(label);
        em.flush();
        audit.fire(labelEvent(Operation.CREATE, label));
        return label.id();
    }

    @Transactional
    public void update(Caller caller, long id, LabelRequest request) {
        Label label = require(caller, id, UPDATE);
        if (request == null) {
            throw ApiException.badRequest("a label is needed");
        }
        validate(request.name(), request.color(), false);
        if (request.name() != null && !request.name().equals(label.name())) {
            requireFree(request.name(), label.projectId(), label.id());
        }
        label.update(request.name(), request.description(), request.color(), Clock.now());
        audit.fire(labelEvent(Operation.UPDATE, label));
    }

    /** Deletes a label; it comes off every artifact that carried it. */
    @Transactional
    public void delete(Caller caller, long id) {
        Label label = require(caller, id, DELETE);
        em.remove(label);
        audit.fire(labelEvent(Operation.DELETE, label));
    }

    private static AuditEvent labelEvent(Operation operation, Label label) {
        AuditEvent event = AuditEvent.of(operation, ResourceType.LABEL, label.name());
        return label.isGlobal() ? event : event.inProject(label.projectId(), null);
    }

    /** {@code POST .../artifacts/{reference}/labels}: 409 when the artifact carries the label already. */
    @Transactional
    public void attach(Caller caller, String projectName, String path, String reference, LabelRequest request) {
        Artifacts.Located located = artifacts.locate(caller, projectName, path, ATTACH);
        Artifact artifact = artifacts.artifact(located, reference);
        if (request == null || request.id() == null) {
            throw ApiException.badRequest("the label id is needed");
        }
        Label label = em.find(Label.class, request.id());
        if (label == null || !(label.isGlobal() || label.projectId().equals(located.project().id()))) {
            throw ApiException.notFound("label %d not found in project %s", request.id(), projectName);
        }
        if (attachment(artifact.id(), label.id()) != null) {
            throw ApiException.of(ApiError.CONFLICT, "label %d is already on the artifact", label.id());
        }
        em.persist(new ArtifactLabel(artifact.id(), label.id(), Clock.now()));
        audit.fire(AuditEvent.of(Operation.CREATE, ResourceType.LABEL, located.name() + "@" + artifact.digest() + " label " + label.name())
                .inProject(located.project().id(), projectName));
    }

    @Transactional
    public void detach(Caller caller, String projectName, String path, String reference, long labelId) {
        Artifacts.Located located = artifacts.locate(caller, projectName, path, DETACH);
        Artifact artifact = artifacts.artifact(located, reference);
        ArtifactLabel attached = attachment(artifact.id(), labelId);
        if (attached == null) {
            throw ApiException.notFound("label %d is not on the artifact", labelId);
        }
        em.remove(attached);
        audit.fire(AuditEvent.of(Operation.DELETE, ResourceType.LABEL, located.name() + "@" + artifact.digest() + " label " + labelId)
                .inProject(located.project().id(), projectName));
    }

    private ArtifactLabel attachment(long artifactId, long labelId) {
        return em.createQuery("SELECT al FROM ArtifactLabel al WHERE al.artifactId = :artifactId AND al.labelId = :labelId",
                        ArtifactLabel.class)
                .setParameter("artifactId", artifactId).setParameter("labelId", labelId)
                .getResultStream().findFirst().orElse(null);
    }

    /** The label, checked against the caller: global ones are open to signed-in callers, project ones by role. */
    private Label require(Caller caller, long id, Permission permission) {
        Label label = em.find(Label.class, id);
        if (label == null) {
            throw ApiException.notFound("label %d not found", id);
        }
        if (label.isGlobal()) {
            if (permission.equals(READ)) {
                AccessDenied.requireAuthenticated(caller);
            } else {
                requireAdministrator(caller);
            }
            return label;
        }
        try {
            guard.require(caller, Long.toString(label.projectId()), false, permission);
        } catch (ApiException e) {
            throw e.error() == ApiError.NOT_FOUND ? ApiException.notFound("label %d not found", id) : e;
        }
        return label;
    }

    private static void requireAdministrator(Caller caller) {
        AccessDenied.requireAuthenticated(caller);
        if (!caller.isSysadmin()) {
            throw AccessDenied.of(caller, "only system administrators may change global labels");
        }
    }

    private void requireFree(String name, Long projectId, Long except) {
        boolean taken = em.createQuery("SELECT l FROM Label l WHERE l.name = :name AND"
                        + " ((:projectId IS NULL AND l.projectId IS NULL) OR l.projectId = :projectId)", Label.class)
                .setParameter("name", name).setParameter("projectId", projectId)
                .getResultStream().anyMatch(l -> !l.id().equals(except));
        if (taken) {
            throw ApiException.of(ApiError.CONFLICT, "a label named %s already exists in this scope", name);
        }
    }

    private static void validate(String name, String color, boolean nameRequired) {
        if (name == null ? nameRequired : name.isBlank() || name.length() > MAX_NAME) {
            throw ApiException.badRequest("name must be 1 to %d characters", MAX_NAME);
        }
        if (color != null && !color.isEmpty() && !COLOR.matcher(color).matches()) {
            throw ApiException.badRequest("color must be #rgb or #rrggbb");
        }
    }

    private static List<Predicate> where(CriteriaBuilder cb, Root<Label> root, ListQuery query, Long projectId, String name) {
        List<Predicate> predicates = new ArrayList<>(FIELDS.predicates(cb, root, query));
        predicates.add(projectId == null ? cb.isNull(root.get("projectId")) : cb.equal(root.get("projectId"), projectId));
        if (name != null && !name.isEmpty()) {
            // Harbor's name parameter matches fuzzily.
            predicates.add(cb.like(cb.lower(root.get("name")), Likes.containing(name), '!'));
        }
        return predicates;
    }
}
