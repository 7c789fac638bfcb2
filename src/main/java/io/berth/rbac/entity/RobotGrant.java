package io.berth.rbac.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One permission of a robot account, as Harbor's robot API spells it: {@code kind} {@code project} with a
 * project name (or {@code *}: every project) as namespace, or {@code system} with namespace {@code /}.
 */
@Embeddable
public class RobotGrant {

    public static final String KIND_PROJECT = "project";
    public static final String KIND_SYSTEM = "system";
    public static final String ALL_PROJECTS = "*";

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String namespace;

    @Column(nullable = false)
    private String resource;

    @Column(nullable = false)
    private String action;

    protected RobotGrant() {
    }

    public RobotGrant(String kind, String namespace, Permission permission) {
        this.kind = Objects.requireNonNull(kind);
        this.namespace = Objects.requireNonNull(namespace);
        this.resource = permission.resource().value();
        this.action = permission.action().value();
    }

    public String kind() {
        return kind;
    }

    public String namespace() {
        return namespace;
    }

    public Permission permission() {
        return Permission.of(Resource.ofValue(resource).orElseThrow(), Action.ofValue(action).orElseThrow());
    }

    /** Whether this grant covers {@code permission} in the project named {@code project}. */
    public boolean covers(String project, Permission permission) {
        return KIND_PROJECT.equals(kind) && (ALL_PROJECTS.equals(namespace) || namespace.equals(project))
                && permission().equals(permission);
    }

    /** Whether this grant covers the system-level {@code permission}. */
    public boolean coversSystem(Permission permission) {
        return KIND_SYSTEM.equals(kind) && permission().equals(permission);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RobotGrant g && kind.equals(g.kind) && namespace.equals(g.namespace)
                && resource.equals(g.resource) && action.equals(g.action);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, namespace, resource, action);
    }
}
