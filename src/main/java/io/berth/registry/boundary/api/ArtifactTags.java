package io.berth.registry.boundary.api;

import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.CriteriaPage;
import io.berth.platform.api.ListQuery;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.platform.api.QueryFields;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Resource;
import io.berth.registry.control.Clock;
import io.berth.registry.control.ManifestLookups;
import io.berth.registry.control.PullStatistics;
import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.ArtifactTag;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tags of one artifact: list ({@code tag:list}), create ({@code tag:create}; 409 when the repository already
 * has a tag of that name, as Harbor), delete ({@code tag:delete}; 404 unless the tag is on that artifact).
 * {@code q} keys {@code name}, {@code push_time}, {@code pull_time}; {@code sort} by the same; name order by default.
 */
@ApplicationScoped
public class ArtifactTags {

    static final Permission LIST = Permission.of(Resource.TAG, Action.LIST);
    static final Permission CREATE = Permission.of(Resource.TAG, Action.CREATE);
    static final Permission DELETE = Permission.of(Resource.TAG, Action.DELETE);

    static final QueryFields FIELDS = QueryFields.builder()
            .both("name", "name")
            .both("push_time", "pushTime")
            .both("pull_time", "pullTime")
            .build();

    @Inject
    Event<AuditEvent> audit;

    @PersistenceContext
    EntityManager em;

    @Inject
    Artifacts artifacts;

    @Inject
    ContentRemoval removal;

    @Inject
    ManifestLookups lookups;

    @Inject
    PullStatistics pulls;

    public Listing<TagView> list(Caller caller, String projectName, String path, String reference, PageRequest pageRequest,
            String q, String sort) {
        ListQuery query = FIELDS.parse(q, sort);
        Artifacts.Located located = artifacts.locate(caller, projectName, path, LIST);
        Artifact artifact = artifacts.artifact(located, reference);

        CriteriaPage.Where<ArtifactTag> where = (cb, criteria, root) -> where(cb, root, artifact, query);
        List<ArtifactTag> page = CriteriaPage.select(em, ArtifactTag.class, where, (cb, root) -> query.sort().isEmpty()
                ? List.of(cb.asc(root.get("name"))) : FIELDS.orders(cb, root, query, "id"), pageRequest);
        Map<Long, Instant> pullTimes = pulls.tagPullTimes(located.repository(), page);
        List<TagView> found = page.stream().map(t -> TagView.of(t, pullTimes.get(t.id()))).toList();
        return new Listing<>(found, CriteriaPage.count(em, ArtifactTag.class, where));
    }

    /** Tags the artifact; 400 for an invalid name, 409 when the repository has that tag already (on any artifact). */
    @Transactional
    public void create(Caller caller, String projectName, String path, String reference, TagRequest request) {
        Artifacts.Located located = artifacts.locate(caller, projectName, path, CREATE);
        Artifact artifact = artifacts.artifact(located, reference);
        Tag tag;
        try {
            tag = Tag.parse(request == null ? null : request.name());
        } catch (RegistryException e) {
            throw ApiException.badRequest("%s", e.detail());
        }
        boolean exists = !em.createNamedQuery(ArtifactTag.FIND, ArtifactTag.class)
                .setParameter("repositoryId", located.repository().id())
                .setParameter("name", tag.value()).getResultList().isEmpty();
        if (exists) {
            throw ApiException.of(ApiError.CONFLICT, "tag %s already exists in %s", tag, located.repository().name());
        }
        try {
            em.persist(new ArtifactTag(located.repository().id(), artifact.id(), tag, Clock.now()));
            em.flush();
        } catch (PersistenceException raced) {
            // Another request created the tag between the check and the insert: the unique key decided.
            throw ApiException.of(ApiError.CONFLICT, "tag %s already exists in %s", tag, located.repository().name());
        }
        lookups.invalidate(located.name());
        audit.fire(AuditEvent.of(Operation.CREATE, ResourceType.TAG, located.name() + ":" + tag).inProject(located.project().id(), projectName));
    }

    public void delete(Caller caller, String projectName, String path, String reference, String tagName) {
        Artifacts.Located located = artifacts.locate(caller, projectName, path, DELETE);
        Artifact artifact = artifacts.artifact(located, reference);
        ArtifactTag tag = em.createNamedQuery(ArtifactTag.FIND, ArtifactTag.class)
                .setParameter("repositoryId", located.repository().id())
                .setParameter("name", tagName).getResultStream().findFirst()
                .filter(t -> t.artifactId() == artifact.id())
                .orElseThrow(() -> ApiException.notFound("tag %s not found on artifact %s", tagName, reference));
        removal.deleteTag(located.name(), new Tag(tag.name()));
    }

    private static List<Predicate> where(CriteriaBuilder cb, Root<ArtifactTag> root, Artifact artifact, ListQuery query) {
        List<Predicate> predicates = new ArrayList<>(FIELDS.predicates(cb, root, query));
        predicates.add(cb.equal(root.get("artifactId"), artifact.id()));
        return predicates;
    }
}
