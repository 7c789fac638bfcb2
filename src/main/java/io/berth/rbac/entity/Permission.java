package io.berth.rbac.entity;

import java.util.Objects;

/** One right: an action on a resource, e.g. {@code repository:push}. */
public record Permission(Resource resource, Action action) {

    public Permission {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(action, "action");
    }

    public static Permission of(Resource resource, Action action) {
        return new Permission(resource, action);
    }

    @Override
    public String toString() {
        return resource.value() + ":" + action.value();
    }
}
