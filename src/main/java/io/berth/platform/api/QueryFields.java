package io.berth.platform.api;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One resource's allow-list for {@code q} and {@code sort}: which API keys exist and which entity attribute
 * each one reads. It parses a {@link ListQuery} against that list and turns it into JPA criteria, converting
 * every value to the attribute's Java type (text, numbers, booleans, enums, times), so user input only ever
 * reaches the database as a bound parameter. Times are accepted as Harbor writes them
 * ({@code 2026-11-28 10:00:00}, UTC), as ISO-8601 instants, or as dates.
 */
public final class QueryFields {

    private static final DateTimeFormatter HARBOR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Map<String, String> filters;
    private final Map<String, String> sorts;

    private QueryFields(Map<String, String> filters, Map<String, String> sorts) {
        this.filters = Map.copyOf(filters);
        this.sorts = Map.copyOf(sorts);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> filterKeys() {
        return filters.keySet();
    }

    public Set<String> sortKeys() {
        return sorts.keySet();
    }

    /** Parses {@code q} and {@code sort}; any key outside this list is a 400. */
    public ListQuery parse(String q, String sort) {
        return ListQuery.parse(q, sort, filters.keySet(), sorts.keySet());
    }

    /**
     * The conditions of {@code query} as predicates on {@code root}. Keys this list does not map to an
     * attribute (a resource may accept keys it evaluates itself, such as labels) are left to the caller.
     */
    public List<Predicate> predicates(CriteriaBuilder cb, Path<?> root, ListQuery query) {
        List<Predicate> predicates = new ArrayList<>();
        query.filters().forEach((key, condition) -> {
            String attribute = filters.get(key);
            if (attribute != null) {
                predicates.add(predicate(cb, path(root, attribute), key, condition));
            }
        });
        return predicates;
    }

    /** The sort of {@code query}, then {@code tieBreakers} so that pages never overlap. */
    public List<Order> orders(CriteriaBuilder cb, Path<?> root, ListQuery query, String... tieBreakers) {
        List<Order> orders = new ArrayList<>();
        for (ListQuery.Order order : query.sort()) {
            Path<?> path = path(root, sorts.get(order.key()));
            orders.add(order.descending() ? cb.desc(path) : cb.asc(path));
        }
        for (String attribute : tieBreakers) {
            orders.add(cb.asc(path(root, attribute)));
        }
        return orders;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate predicate(CriteriaBuilder cb, Path<?> path, String key, ListQuery.Condition condition) {
        Function<String, Object> convert = value -> convert(path.getJavaType(), key, value);
        return switch (condition) {
            case ListQuery.Exact exact -> cb.equal(path, convert.apply(exact.value()));
            case ListQuery.Fuzzy fuzzy -> {
                if (path.getJavaType() != String.class) {
                    throw ApiException.badRequest("%s cannot be matched fuzzily", key);
                }
                yield cb.like(cb.lower((Expression<String>) path), Likes.containing(fuzzy.value()), '!');
            }
            case ListQuery.Range range -> {
                if (!Comparable.class.isAssignableFrom(boxed(path.getJavaType())) || path.getJavaType() == Boolean.class
                        || path.getJavaType() == boolean.class) {
                    throw ApiException.badRequest("%s has no range", key);
                }
                Expression<Comparable> comparable = (Expression<Comparable>) path;
                List<Predicate> ends = new ArrayList<>();
                if (range.min() != null) {
                    ends.add(cb.greaterThanOrEqualTo(comparable, (Comparable) convert.apply(range.min())));
                }
                if (range.max() != null) {
                    ends.add(cb.lessThanOrEqualTo(comparable, (Comparable) upperBound(path.getJavaType(), key, range.max())));
                }
                yield cb.and(ends.toArray(Predicate[]::new));
            }
            case ListQuery.AnyOf any -> path.in(any.values().stream().map(convert).toList());
            case ListQuery.AllOf all -> cb.and(all.values().stream().map(v -> cb.equal(path, convert.apply(v))).toArray(Predicate[]::new));
        };
    }

    private static Path<?> path(Path<?> root, String attribute) {
        Path<?> path = root;
        for (String part : attribute.split("\\.")) {
            path = path.get(part);
        }
        return path;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object convert(Class<?> type, String key, String value) {
        Class<?> target = boxed(type);
        try {
            if (target == String.class) {
                return value;
            }
            if (target == Long.class) {
                return Long.valueOf(value);
            }
            if (target == Integer.class) {
                return Integer.valueOf(value);
            }
            if (target == Boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw ApiException.badRequest("%s must be true or false", key);
                }
                return Boolean.valueOf(value);
            }
            if (target == Instant.class) {
                return instant(value);
            }
            if (target == LocalDateTime.class) {
                return LocalDateTime.ofInstant(instant(value), ZoneOffset.UTC);
            }
            if (target.isEnum()) {
                return Enum.valueOf((Class<Enum>) target, value.toUpperCase(java.util.Locale.ROOT));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw ApiException.badRequest("invalid value for %s: %s", key, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid value for %s: %s", key, value);
        }
        throw new IllegalStateException("no conversion to " + type + " for " + key);
    }

    /**
     * A range's upper end, inclusive as people mean it: {@code ~2026-11-28} takes in the whole day and
     * {@code ~2026-11-28 10:00:00} the whole second, though stored times carry milliseconds.
     */
    static Object upperBound(Class<?> type, String key, String value) {
        Object bound = convert(type, key, value);
        boolean time = bound instanceof Instant || bound instanceof LocalDateTime;
        if (!time || value.indexOf('.') >= 0) {
            return bound;
        }
        java.time.Duration extra = value.length() == 10 ? java.time.Duration.ofDays(1).minusMillis(1) : java.time.Duration.ofMillis(999);
        return bound instanceof Instant instant ? instant.plus(extra) : ((LocalDateTime) bound).plus(extra);
    }

    private static Instant instant(String value) {
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (value.indexOf('T') > 0) {
            return Instant.parse(value);
        }
        return LocalDateTime.parse(value, HARBOR_TIME).toInstant(ZoneOffset.UTC);
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == long.class ? Long.class : type == int.class ? Integer.class : type == boolean.class ? Boolean.class : type;
    }

    /** Declares keys: {@code filter} for {@code q}, {@code sort} for {@code sort}, {@code both} for both. */
    public static final class Builder {
        private final Map<String, String> filters = new LinkedHashMap<>();
        private final Map<String, String> sorts = new LinkedHashMap<>();

        public Builder filter(String key, String attribute) {
            filters.put(key, attribute);
            return this;
        }

        public Builder sort(String key, String attribute) {
            sorts.put(key, attribute);
            return this;
        }

        public Builder both(String key, String attribute) {
            return filter(key, attribute).sort(key, attribute);
        }

        public QueryFields build() {
            return new QueryFields(filters, sorts);
        }
    }
}
