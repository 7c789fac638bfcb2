package io.berth.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What was done, with Harbor's wire names ({@code create} is also a push, as in Harbor's {@code create_artifact}).
 * {@code grant} is Berth's: a registry token that allows push or delete.
 */
public enum Operation {
    CREATE, UPDATE, DELETE, PULL, LOGIN, LOGOUT, GRANT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Operation> ofValue(String value) {
        return Arrays.stream(values()).filter(o -> o.value().equals(value)).findFirst();
    }
}
