package io.berth.audit.control;

import io.berth.audit.entity.AuditEntry;
import io.berth.platform.api.Likes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds audit entries for an {@link AuditFilter}, optionally within one project, with JPA criteria (every value a
 * parameter): one page, its total count, or a run of entries after an id for the export.
 */
@ApplicationScoped
public class AuditSearch {

    /** API keys and the entity attributes they filter and sort. */
    static final Map<String, String> ATTRIBUTES = Map.of("operation", "operation", "resource_type", "resourceType",
            "resource", "resource", "username", "username", "op_time", "opTime");

    @PersistenceContext
    EntityManager em;

    public List<AuditEntry> page(AuditFilter filter, Long projectId, int offset, int size) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> e = query.from(AuditEntry.class);
        query.select(e).where(where(cb, e, filter, projectId));
        List<Order> orders = new ArrayList<>();
        for (AuditFilter.Order o : filter.sort()) {
            Expression<?> path = e.get(ATTRIBUTES.get(o.key()));
            orders.add(o.descending() ? cb.desc(path) : cb.asc(path));
        }
        if (orders.isEmpty()) {
            orders.add(cb.desc(e.get("opTime")));
        }
        // Ties (one batch shares a millisecond) in a stable order, so pages neither repeat nor skip entries.
        orders.add(cb.desc(e.get("id")));
        return em.createQuery(query.orderBy(orders)).setFirstResult(offset).setMaxResults(size).getResultList();
    }

    public long count(AuditFilter filter, Long projectId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<AuditEntry> e = query.from(AuditEntry.class);
        return em.createQuery(query.select(cb.count(e)).where(where(cb, e, filter, projectId))).getSingleResult();
    }

    /** Up to {@code size} entries with an id above {@code afterId}, oldest first: the export reads in such runs. */
    public List<AuditEntry> after(AuditFilter filter, long afterId, int size) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> e = query.from(AuditEntry.class);
        Predicate[] conditions = where(cb, e, filter, null);
        Predicate[] all = java.util.Arrays.copyOf(conditions, conditions.length + 1);
        all[conditions.length] = cb.greaterThan(e.get("id"), afterId);
        return em.createQuery(query.select(e).where(all).orderBy(cb.asc(e.get("id")))).setMaxResults(size).getResultList();
    }

    private static Predicate[] where(CriteriaBuilder cb, Root<AuditEntry> e, AuditFilter filter, Long projectId) {
        List<Predicate> conditions = new ArrayList<>();
        if (projectId != null) {
            conditions.add(cb.equal(e.get("projectId"), projectId));
        }
        filter.terms().forEach((key, term) -> {
            Expression<String> column = e.get(ATTRIBUTES.get(key));
            conditions.add(switch (term) {
                case AuditFilter.Exact exact -> cb.equal(column, exact.value());
                case AuditFilter.Contains contains -> cb.like(cb.lower(column),
                        Likes.containing(contains.value().toLowerCase(Locale.ROOT)), '!');
                case AuditFilter.AnyOf any -> column.in(any.values());
            });
        });
        Expression<Instant> time = e.get("opTime");
        if (filter.from() != null) {
            conditions.add(cb.greaterThanOrEqualTo(time, filter.from()));
        }
        if (filter.to() != null) {
            conditions.add(cb.lessThanOrEqualTo(time, filter.to()));
        }
        return conditions.toArray(Predicate[]::new);
    }
}
