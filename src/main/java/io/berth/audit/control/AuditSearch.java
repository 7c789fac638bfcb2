package io.berth.audit.control;

import io.berth.audit.entity.AuditEntry;
import io.berth.platform.api.ListQuery;
import io.berth.platform.api.QueryFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Finds audit entries for a {@code q} on {@link #QUERY}, optionally within some projects, with JPA criteria (every value a
 * parameter): one page, its total count, or a run of entries after an id for the export.
 */
@ApplicationScoped
public class AuditSearch {

    /**
     * What audit entries are filtered ({@code q}) and sorted by: {@code operation}, {@code resource_type},
     * {@code resource}, {@code username} and {@code op_time}, and filtered by {@code operation_result}
     * ({@code true} or {@code false}); never an address, an agent or a description.
     */
    public static final QueryFields QUERY = QueryFields.builder()
            .both("operation", "operation").both("resource_type", "resourceType").both("resource", "resource")
            .both("username", "username").both("op_time", "opTime").filter("operation_result", "success").build();

    @PersistenceContext
    EntityManager em;

    /**
     * One page of the entries {@code query} selects within {@code projectIds} (null: every entry, also those of no
     * project), newest first unless it says otherwise.
     */
    public List<AuditEntry> page(ListQuery query, Collection<Long> projectIds, int offset, int size) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> select = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> e = select.from(AuditEntry.class);
        select.select(e).where(where(cb, e, query, projectIds));
        List<Order> orders = query.sort().isEmpty()
                ? new ArrayList<>(List.of(cb.desc(e.get("opTime"))))
                : new ArrayList<>(QUERY.orders(cb, e, query));
        // Ties (one batch shares a millisecond) in a stable order, so pages neither repeat nor skip entries.
        orders.add(cb.desc(e.get("id")));
        return em.createQuery(select.orderBy(orders)).setFirstResult(offset).setMaxResults(size).getResultList();
    }

    public long count(ListQuery query, Collection<Long> projectIds) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> select = cb.createQuery(Long.class);
        Root<AuditEntry> e = select.from(AuditEntry.class);
        return em.createQuery(select.select(cb.count(e)).where(where(cb, e, query, projectIds))).getSingleResult();
    }

    /** Up to {@code size} entries with an id above {@code afterId}, oldest first: the export reads in such runs. */
    public List<AuditEntry> after(ListQuery query, long afterId, int size) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> select = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> e = select.from(AuditEntry.class);
        Predicate[] conditions = where(cb, e, query, null);
        Predicate[] all = Arrays.copyOf(conditions, conditions.length + 1);
        all[conditions.length] = cb.greaterThan(e.get("id"), afterId);
        return em.createQuery(select.select(e).where(all).orderBy(cb.asc(e.get("id")))).setMaxResults(size).getResultList();
    }

    private static Predicate[] where(CriteriaBuilder cb, Root<AuditEntry> e, ListQuery query, Collection<Long> projectIds) {
        List<Predicate> conditions = new ArrayList<>(QUERY.predicates(cb, e, query));
        if (projectIds != null) {
            conditions.add(projectIds.isEmpty() ? cb.disjunction() : e.get("projectId").in(projectIds));
        }
        return conditions.toArray(Predicate[]::new);
    }
}
