package io.berth.registry.boundary;

import io.berth.registry.entity.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Every repository name in lexical order, paged like the tags list ({@code /v2/_catalog}). */
@ApplicationScoped
public class Catalog {

    @PersistenceContext
    EntityManager em;

    public Page list(Integer n, String last) {
        var query = em.createNamedQuery(Repository.CATALOG, String.class)
                .setParameter("last", last == null ? "" : last);
        return Paging.page(query, n);
    }
}
