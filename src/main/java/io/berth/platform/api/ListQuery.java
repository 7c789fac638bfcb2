package io.berth.platform.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Harbor's list parameters: {@code q} with comma-separated terms {@code k=v} (exact), {@code k=~v} (fuzzy),
 * {@code k=[min~max]} (range; either end may be left empty), {@code k={v1 v2}} (any of) and {@code k=(v1 v2)}
 * (all of), and {@code sort} ({@code k} ascending, {@code -k} descending), restricted to the keys a resource
 * allows. Any other key is a 400: a caller can never filter or sort by a column it cannot read, such as a
 * password hash (Harbor's CVE-2025-30086). Turning conditions into SQL is {@link QueryFields}' job, with
 * criteria and parameters only.
 */
public record ListQuery(Map<String, Condition> filters, List<Order> sort) {

    /** What one {@code q} term asks of its key. */
    public sealed interface Condition permits Exact, Fuzzy, Range, AnyOf, AllOf {
    }

    /** {@code k=v}. */
    public record Exact(String value) implements Condition {
    }

    /** {@code k=~v}: contains, case-insensitive. */
    public record Fuzzy(String value) implements Condition {
    }

    /** {@code k=[min~max]}, inclusive; a {@code null} end is open. */
    public record Range(String min, String max) implements Condition {
    }

    /** {@code k={v1 v2}}. */
    public record AnyOf(List<String> values) implements Condition {
        public AnyOf {
            values = List.copyOf(values);
        }
    }

    /** {@code k=(v1 v2)}: for keys with several values per row, such as labels. */
    public record AllOf(List<String> values) implements Condition {
        public AllOf {
            values = List.copyOf(values);
        }
    }

    public record Order(String key, boolean descending) {
    }

    public static final ListQuery EMPTY = new ListQuery(Map.of(), List.of());

    public static ListQuery parse(String q, String sort, Set<String> filterKeys, Set<String> sortKeys) {
        return new ListQuery(parseFilters(q, filterKeys), parseSort(sort, sortKeys));
    }

    /** The same query with one more condition, e.g. from a resource's own query parameter. */
    public ListQuery with(String key, Condition condition) {
        Map<String, Condition> copy = new LinkedHashMap<>(filters);
        copy.put(key, condition);
        return new ListQuery(copy, sort);
    }

    private static Map<String, Condition> parseFilters(String q, Set<String> filterKeys) {
        Map<String, Condition> filters = new LinkedHashMap<>();
        if (q == null || q.isBlank()) {
            return Map.of();
        }
        for (String term : q.split(",")) {
            int eq = term.indexOf('=');
            if (eq <= 0) {
                throw ApiException.badRequest("invalid q term %s: expected key=value, key=~value, key=[min~max], key={a b} or key=(a b)", term);
            }
            String key = term.substring(0, eq).strip();
            if (!filterKeys.contains(key)) {
                throw ApiException.badRequest("cannot filter by %s; allowed: %s", key, String.join(", ", filterKeys.stream().sorted().toList()));
            }
            if (filters.containsKey(key)) {
                throw ApiException.badRequest("q names %s twice", key);
            }
            filters.put(key, condition(key, term.substring(eq + 1).strip()));
        }
        return filters;
    }

    private static Condition condition(String key, String value) {
        if (value.startsWith("~")) {
            return new Fuzzy(unquote(value.substring(1).strip()));
        }
        if (value.startsWith("[")) {
            int tilde = value.indexOf('~');
            if (!value.endsWith("]") || tilde < 0) {
                throw ApiException.badRequest("invalid range for %s: expected [min~max]", key);
            }
            String min = unquote(value.substring(1, tilde).strip());
            String max = unquote(value.substring(tilde + 1, value.length() - 1).strip());
            if (min.isEmpty() && max.isEmpty()) {
                throw ApiException.badRequest("invalid range for %s: give at least one end", key);
            }
            return new Range(min.isEmpty() ? null : min, max.isEmpty() ? null : max);
        }
        if (value.startsWith("{") || value.startsWith("(")) {
            char close = value.charAt(0) == '{' ? '}' : ')';
            if (value.charAt(value.length() - 1) != close || value.length() < 3) {
                throw ApiException.badRequest("invalid list for %s: expected %s", key, close == '}' ? "{a b}" : "(a b)");
            }
            List<String> values = Arrays.stream(value.substring(1, value.length() - 1).strip().split("\\s+"))
                    .map(ListQuery::unquote).filter(v -> !v.isEmpty()).toList();
            if (values.isEmpty()) {
                throw ApiException.badRequest("empty list for %s", key);
            }
            return close == '}' ? new AnyOf(values) : new AllOf(values);
        }
        return new Exact(unquote(value));
    }

    private static List<Order> parseSort(String sort, Set<String> sortKeys) {
        List<Order> orders = new ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            for (String term : sort.split(",")) {
                String key = term.strip();
                boolean descending = key.startsWith("-");
                if (descending) {
                    key = key.substring(1);
                }
                if (!sortKeys.contains(key)) {
                    throw ApiException.badRequest("cannot sort by %s; allowed: %s", key, String.join(", ", sortKeys.stream().sorted().toList()));
                }
                orders.add(new Order(key, descending));
            }
        }
        return List.copyOf(orders);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
