package io.berth.registry.boundary;

import jakarta.persistence.TypedQuery;
import java.util.List;

/** Paging of the OCI listings: ask one row more than the page holds, to know whether a next page exists. */
final class Paging {

    private Paging() {
    }

    static Page page(TypedQuery<String> query, Integer n) {
        if (n == null) {
            return new Page(query.getResultList(), false);
        }
        if (n == 0) {
            return new Page(List.of(), false);
        }
        List<String> rows = query.setMaxResults(n + 1).getResultList();
        boolean more = rows.size() > n;
        return new Page(more ? rows.subList(0, n) : rows, more);
    }
}
