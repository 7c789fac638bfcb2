package io.berth.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an operation was done to, with Harbor's audit names where Harbor has one ({@code artifact},
 * {@code project}, {@code user}, {@code robot}, {@code configure}, ...).
 */
public enum ResourceType {
    ARTIFACT("artifact"),
    TAG("tag"),
    REPOSITORY("repository"),
    PROJECT("project"),
    MEMBER("project_member"),
    USER("user"),
    ROBOT("robot"),
    LABEL("label"),
    QUOTA("quota"),
    CONFIGURATION("configure"),
    /** Garbage collection: a manual run started, or its schedule changed. */
    GC("garbage_collection"),
    /** The audit log purge: a manual run started, or its schedule changed. */
    PURGE_AUDIT("purge_audit"),
    /** A registry token: {@code grant} entries name the repository scope that was granted push or delete. */
    TOKEN("token");

    private final String value;

    ResourceType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ResourceType> ofValue(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}
