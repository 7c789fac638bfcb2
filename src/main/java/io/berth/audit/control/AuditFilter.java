package io.berth.audit.control;

import io.berth.platform.api.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code q} and {@code sort} of the audit log lists, in Harbor's query language, limited to the keys an audit
 * entry may be filtered by: {@code operation}, {@code resource_type}, {@code resource}, {@code username} and
 * {@code op_time}. Any other key is a 400, so nobody filters by a column not meant for it.
 * <ul>
 * <li>{@code k=v} exact, {@code k=~v} contains (case-insensitive), {@code k={a b}} any of the values;</li>
 * <li>{@code op_time=[from~to]}, either end optional, each {@code 2006-01-02 15:04:05} (UTC, Harbor's spelling),
 * an ISO-8601 instant or a date; {@code to} is inclusive.</li>
 * </ul>
 * Terms are separated by commas and all must hold. {@code sort} takes the same keys, {@code -} for descending;
 * the default is the newest first.
 */
public record AuditFilter(Map<String, Term> terms, Instant from, Instant to, List<Order> sort) {

    public static final Set<String> TEXT_KEYS = Set.of("operation", "resource_type", "resource", "username");
    public static final String OP_TIME = "op_time";
    public static final Set<String> SORT_KEYS = Set.of("op_time", "operation", "resource_type", "resource", "username");
    static final DateTimeFormatter HARBOR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A condition on one text column. */
    public sealed interface Term permits Exact, Contains, AnyOf {
    }

    public record Exact(String value) implements Term {
    }

    public record Contains(String value) implements Term {
    }

    public record AnyOf(List<String> values) implements Term {
    }

    public record Order(String key, boolean descending) {
    }

    public static AuditFilter parse(String q, String sort) {
        Map<String, Term> terms = new LinkedHashMap<>();
        Instant from = null;
        Instant to = null;
        boolean timed = false;
        for (String term : split(q)) {
            int eq = term.indexOf('=');
            if (eq <= 0) {
                throw ApiException.badRequest("invalid q term %s: expected key=value", term);
            }
            String key = term.substring(0, eq).strip();
            String value = term.substring(eq + 1).strip();
            if (terms.containsKey(key) || OP_TIME.equals(key) && timed) {
                throw ApiException.badRequest("q names %s more than once", key);
            }
            if (OP_TIME.equals(key)) {
                if (!value.startsWith("[") || !value.endsWith("]") || !value.contains("~")) {
                    throw ApiException.badRequest("op_time takes a range: op_time=[from~to]");
                }
                String inner = value.substring(1, value.length() - 1);
                int tilde = inner.indexOf('~');
                from = time(inner.substring(0, tilde), false);
                to = time(inner.substring(tilde + 1), true);
                timed = true;
            } else if (TEXT_KEYS.contains(key)) {
                terms.put(key, text(key, value));
            } else {
                throw ApiException.badRequest("cannot filter audit logs by %s; allowed: operation, resource_type,"
                        + " resource, username, op_time", key);
            }
        }
        return new AuditFilter(Map.copyOf(terms), from, to, orders(sort));
    }

    private static Term text(String key, String value) {
        if (value.startsWith("{") && value.endsWith("}")) {
            List<String> values = Arrays.stream(value.substring(1, value.length() - 1).split("\\s+"))
                    .filter(v -> !v.isEmpty()).map(AuditFilter::unquote).toList();
            if (values.isEmpty()) {
                throw ApiException.badRequest("%s={...} needs at least one value", key);
            }
            return new AnyOf(values);
        }
        if (value.startsWith("[") || value.startsWith("(")) {
            throw ApiException.badRequest("%s takes a value, ~value or {a b}", key);
        }
        if (value.startsWith("~")) {
            return new Contains(unquote(value.substring(1).strip()));
        }
        return new Exact(unquote(value));
    }

    private static List<Order> orders(String sort) {
        List<Order> orders = new ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            for (String term : sort.split(",")) {
                String key = term.strip();
                boolean descending = key.startsWith("-");
                key = descending ? key.substring(1) : key;
                if (!SORT_KEYS.contains(key)) {
                    throw ApiException.badRequest("cannot sort audit logs by %s", key);
                }
                orders.add(new Order(key, descending));
            }
        }
        return List.copyOf(orders);
    }

    /** Splits on commas that are not inside a range or a set. */
    private static List<String> split(String q) {
        List<String> terms = new ArrayList<>();
        if (q == null || q.isBlank()) {
            return terms;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '[' || c == '{' || c == '(') {
                depth++;
            } else if ((c == ']' || c == '}' || c == ')') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                terms.add(q.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(q.substring(start));
        return terms.stream().filter(t -> !t.isBlank()).toList();
    }

    static Instant time(String text, boolean endOfRange) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return (endOfRange ? day.plusDays(1).atStartOfDay().minusNanos(1_000_000) : day.atStartOfDay())
                        .toInstant(ZoneOffset.UTC);
            }
            if (t.contains("T")) {
                return Instant.parse(t);
            }
            Instant second = LocalDateTime.parse(t, HARBOR_TIME).toInstant(ZoneOffset.UTC);
            // Harbor's spelling has whole seconds: the end of a range takes in its last second.
            return endOfRange ? second.plusMillis(999) : second;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid op_time %s: use 2006-01-02 15:04:05 (UTC) or an ISO-8601 instant", t);
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
