package io.berth.rbac.control;

import io.berth.platform.api.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Harbor's list parameters {@code q} ({@code k=v} exact, {@code k=~v} fuzzy, comma-separated) and
 * {@code sort} ({@code k} ascending, {@code -k} descending), restricted to the keys a resource allows. Any
 * other key, and Harbor's range and set forms, are a 400: a caller can never filter or sort by a column it
 * cannot read, such as a password hash (Harbor's CVE-2025-30086).
 */
public record ListQuery(Map<String, Match> filters, List<Order> sort) {

    /** One filter: exact, or fuzzy (contains, case-insensitive). */
    public record Match(String value, boolean fuzzy) {
    }

    public record Order(String key, boolean descending) {
    }

    public static ListQuery parse(String q, String sort, Set<String> filterKeys, Set<String> sortKeys) {
        Map<String, Match> filters = new LinkedHashMap<>();
        if (q != null && !q.isBlank()) {
            for (String term : q.split(",")) {
                int eq = term.indexOf('=');
                if (eq <= 0) {
                    throw ApiException.badRequest("invalid q term %s: expected key=value or key=~value", term);
                }
                String key = term.substring(0, eq).strip();
                String value = term.substring(eq + 1);
                boolean fuzzy = value.startsWith("~");
                if (fuzzy) {
                    value = value.substring(1);
                }
                if (!filterKeys.contains(key)) {
                    throw ApiException.badRequest("cannot filter by %s; allowed: %s", key, String.join(", ", filterKeys));
                }
                if (value.startsWith("[") || value.startsWith("{") || value.startsWith("(")) {
                    throw ApiException.badRequest("range and list queries are not supported for %s", key);
                }
                filters.put(key, new Match(unquote(value.strip()), fuzzy));
            }
        }
        List<Order> orders = new ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            for (String term : sort.split(",")) {
                String key = term.strip();
                boolean descending = key.startsWith("-");
                if (descending) {
                    key = key.substring(1);
                }
                if (!sortKeys.contains(key)) {
                    throw ApiException.badRequest("cannot sort by %s; allowed: %s", key, String.join(", ", sortKeys));
                }
                orders.add(new Order(key, descending));
            }
        }
        return new ListQuery(Map.copyOf(filters), List.copyOf(orders));
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
