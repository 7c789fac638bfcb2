package io.berth.rbac.entity;

import java.util.Arrays;
import java.util.Optional;

/** What is done to a resource, with Harbor's wire names. */
public enum Action {
    PULL("pull"),
    PUSH("push"),
    CREATE("create"),
    READ("read"),
    UPDATE("update"),
    DELETE("delete"),
    LIST("list"),
    OPERATE("operate"),
    STOP("stop"),
    SCANNER_PULL("scanner-pull");

    private final String value;

    Action(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Action> ofValue(String value) {
        return Arrays.stream(values()).filter(a -> a.value.equals(value)).findFirst();
    }
}
