package io.berth.quota.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code sort} parameter of {@code GET /quotas}: comma-separated keys, each with an optional {@code -} for
 * descending, as Harbor takes it ({@code hard.storage}, {@code -used.storage}, {@code creation_time}, ...). An
 * unknown key is refused rather than ignored, so a typo does not look like an unsorted answer.
 */
public record QuotaSort(List<Key> keys) {

    /** What a quota list can be ordered by. */
    public enum Field {
        ID("id"), HARD_STORAGE("hard.storage"), USED_STORAGE("used.storage"), CREATION_TIME("creation_time"),
        UPDATE_TIME("update_time");

        private final String wireName;

        Field(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public record Key(Field field, boolean descending) {
    }

    public QuotaSort {
        keys = List.copyOf(keys);
    }

    /**
     * The keys of {@code sort}; none for null or blank.
     *
     * @throws IllegalArgumentException naming a key that is not one of {@link Field}
     */
    public static QuotaSort parse(String sort) {
        List<Key> keys = new ArrayList<>();
        if (sort != null) {
            for (String part : sort.split(",")) {
                String key = part.trim();
                if (key.isEmpty()) {
                    continue;
                }
                boolean descending = key.startsWith("-");
                String name = descending ? key.substring(1) : key;
                Field field = null;
                for (Field f : Field.values()) {
                    if (f.wireName.equals(name.toLowerCase(Locale.ROOT))) {
                        field = f;
                    }
                }
                if (field == null) {
                    throw new IllegalArgumentException("cannot sort quotas by " + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
                            + "; use hard.storage, used.storage, creation_time, update_time or id, with - for descending");
                }
                keys.add(new Key(field, descending));
            }
        }
        return new QuotaSort(keys);
    }
}
