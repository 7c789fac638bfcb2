package io.berth.quota.boundary;

import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.quota.entity.Quota;
import io.berth.quota.entity.QuotaSort;
import io.berth.quota.entity.StorageLimit;
import io.berth.rbac.control.AccessDenied;
import io.berth.rbac.control.AccessEvaluator;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Resource;
import io.berth.rbac.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Harbor's quota API: list, read and change project storage quotas. All of it is for system administrators (and
 * system robots granted {@code quota}), as in Harbor; project members see their project's quota in the project
 * summary instead. A hard limit may be set below what a project uses already: nothing is removed, later pushes
 * are refused until usage falls below it.
 */
@ApplicationScoped
public class Quotas {

    /** The only {@code reference} Harbor has left: quotas belong to projects. */
    static final String PROJECT_REFERENCE = "project";
    static final String STORAGE = "storage";

    @Inject
    Event<AuditEvent> audit;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessEvaluator access;

    /**
     * One page of quotas, optionally of one reference ({@code project}) and reference id (a project id), in
     * {@code sort} order (unlimited counts as the largest hard limit) and then by id.
     */
    public Listing<QuotaView> list(Caller caller, PageRequest page, String reference, String referenceId, String sort) {
        requireSystem(caller, Action.LIST);
        QuotaSort order;
        try {
            order = QuotaSort.parse(sort);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("%s", e.getMessage());
        }
        Long projectId = null;
        if (referenceId != null && !referenceId.isEmpty()) {
            if (!referenceId.matches("\\d{1,18}")) {
                return new Listing<>(List.of(), 0);
            }
            projectId = Long.parseLong(referenceId);
        }
        if (reference != null && !reference.isEmpty() && !PROJECT_REFERENCE.equals(reference)) {
            return new Listing<>(List.of(), 0);
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
        Root<Quota> quota = query.from(Quota.class);
        Root<Project> project = query.from(Project.class);
        query.multiselect(quota, project).where(filter(cb, quota, project, projectId)).orderBy(orders(cb, quota, order));
        List<Object[]> rows = em.createQuery(query).setFirstResult(page.offset()).setMaxResults(page.pageSize()).getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Quota> countedQuota = count.from(Quota.class);
        Root<Project> countedProject = count.from(Project.class);
        count.select(cb.count(countedQuota)).where(filter(cb, countedQuota, countedProject, projectId));
        long total = em.createQuery(count).getSingleResult();

        Map<Long, String> owners = ownerNames(rows.stream().map(r -> ((Project) r[1]).ownerId()).filter(Objects::nonNull).distinct().toList());
        List<QuotaView> views = rows.stream()
                .map(r -> QuotaView.of((Quota) r[0], ((Project) r[1]).name(), owners.get(((Project) r[1]).ownerId())))
                .toList();
        return new Listing<>(views, total);
    }

    /** The quota {@code id}; 404 if there is none. */
    public QuotaView get(Caller caller, long id) {
        requireSystem(caller, Action.READ);
        Quota quota = require(id);
        Project project = em.find(Project.class, quota.projectId());
        Map<Long, String> owners = project.ownerId() == null ? Map.of() : ownerNames(List.of(project.ownerId()));
        return QuotaView.of(quota, project.name(), owners.get(project.ownerId()));
    }

    /**
     * Sets the hard limits of quota {@code id}, checked as Harbor does: {@code hard} must be there and name
     * {@code storage}, and nothing else, with a positive number of bytes or -1.
     */
    @Transactional
    public void update(Caller caller, long id, QuotaUpdateRequest request) {
        requireSystem(caller, Action.UPDATE);
        if (request == null || request.hard() == null || request.hard().isEmpty()) {
            throw ApiException.badRequest("hard required in body");
        }
        Quota quota = require(id);
        for (String resource : request.hard().keySet()) {
            if (!STORAGE.equals(resource)) {
                throw ApiException.badRequest("resource %s not support", resource.length() > 40 ? resource.substring(0, 40) + "..." : resource);
            }
        }
        Long bytes = request.hard().get(STORAGE);
        if (bytes == null) {
            throw ApiException.badRequest("resource storage not found");
        }
        StorageLimit limit;
        try {
            limit = new StorageLimit(bytes);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("%s", e.getMessage());
        }
        em.createNamedQuery(Quota.LIMIT)
                .setParameter("hard", limit.bytes())
                .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setParameter("id", quota.id())
                .executeUpdate();
        audit.fire(AuditEvent.of(Operation.UPDATE, ResourceType.QUOTA, "quota " + quota.id() + " storage " + limit.bytes()));
    }


    private void requireSystem(Caller caller, Action action) {
        if (!access.canSystem(caller, Permission.of(Resource.QUOTA, action))) {
            throw AccessDenied.of(caller, "only system administrators may %s quotas", action.value());
        }
    }

    private Quota require(long id) {
        Quota quota = em.find(Quota.class, id);
        if (quota == null) {
            throw ApiException.notFound("quota %d not found", id);
        }
        return quota;
    }

    private static Predicate filter(CriteriaBuilder cb, Root<Quota> quota, Root<Project> project, Long projectId) {
        Predicate joined = cb.equal(quota.get("projectId"), project.get("id"));
        return projectId == null ? joined : cb.and(joined, cb.equal(quota.get("projectId"), projectId));
    }

    private static List<Order> orders(CriteriaBuilder cb, Root<Quota> quota, QuotaSort sort) {
        List<Order> orders = new ArrayList<>();
        for (QuotaSort.Key key : sort.keys()) {
            Expression<?> by = switch (key.field()) {
                case ID -> quota.get("id");
                // Unlimited (-1) is the largest limit, not the smallest.
                case HARD_STORAGE -> cb.<Long>selectCase()
                        .when(cb.lessThan(quota.get("hard"), 0L), Long.MAX_VALUE)
                        .otherwise(quota.get("hard"));
                case USED_STORAGE -> quota.get("used");
                case CREATION_TIME -> quota.get("creationTime");
                case UPDATE_TIME -> quota.get("updateTime");
            };
            orders.add(key.descending() ? cb.desc(by) : cb.asc(by));
        }
        orders.add(cb.asc(quota.get("id")));
        return orders;
    }

    private Map<Long, String> ownerNames(List<Long> ownerIds) {
        Map<Long, String> owners = new HashMap<>();
        if (!ownerIds.isEmpty()) {
            em.createQuery("SELECT u FROM User u WHERE u.id IN :ids", User.class).setParameter("ids", ownerIds)
                    .getResultStream().forEach(u -> owners.put(u.id(), u.username()));
        }
        return owners;
    }
}
