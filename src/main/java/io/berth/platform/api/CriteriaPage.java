package io.berth.platform.api;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One page of entities and the total behind it, from the same criteria conditions: the count and the select
 * cannot drift apart, and every value is a bound parameter.
 */
public final class CriteriaPage {

    private CriteriaPage() {
    }

    /** A condition builder: the predicates for a root, combined with AND; subqueries hang off {@code query}. */
    @FunctionalInterface
    public interface Where<E> {
        List<Predicate> apply(CriteriaBuilder cb, AbstractQuery<?> query, Root<E> root);
    }

    /** A sort builder: the orders for a root, ending with a unique key so pages never overlap. */
    public interface Sort<E> extends BiFunction<CriteriaBuilder, Root<E>, List<Order>> {
    }

    public static <E> List<E> select(EntityManager em, Class<E> type, Where<E> where, Sort<E> sort, PageRequest page) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<E> query = cb.createQuery(type);
        Root<E> root = query.from(type);
        query.select(root).where(where.apply(cb, query, root).toArray(Predicate[]::new)).orderBy(sort.apply(cb, root));
        return em.createQuery(query).setFirstResult(page.offset()).setMaxResults(page.pageSize()).getResultList();
    }

    public static <E> long count(EntityManager em, Class<E> type, Where<E> where) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<E> root = query.from(type);
        query.select(cb.count(root)).where(where.apply(cb, query, root).toArray(Predicate[]::new));
        return em.createQuery(query).getSingleResult();
    }
}
