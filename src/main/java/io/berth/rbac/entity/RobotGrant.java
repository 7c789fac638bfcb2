package io.berth.rbac.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One permission of a robot account, as Harbor's robot API spells it: {@code kind} {@code project} with a
 * project name (or {@code *}: every project) as namespace, or {@code system} with namespace {@code /}.
 * <p>
 * A grant on a named project also keeps that project's id, with a foreign key that removes the grant together
 * with the project: a project deleted and created again under the same name starts without the old grants.
 */
@Embeddable
public class RobotGrant {

    public static final String KIND_PROJECT = "project";
    public static final String KIND_SYSTEM = "system";
    public static final String ALL_PROJECTS = "*";
    public static final String SYSTEM_NAMESPACE = "/";

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String namespace;

    @Column(name = "project_id")
    private Long projectId;

    @Column(nullable = false)
    private String resource;

    @Column(nullable = false)
    private String action;

    protected RobotGrant() {
    }

    private RobotGrant(String kind, String namespace, Long projectId, Permission permission) {
        this.kind = Objects.requireNonNull(kind);
        this.namespace = Objects.requireNonNull(namespace);
        this.projectId = projectId;
        this.resource = permission.resource().value();
        this.action = permission.action().value();
    }

    /** {@code permission} at system level (namespace {@code /}). */
    public static RobotGrant system(Permission permission) {
        return new RobotGrant(KIND_SYSTEM, SYSTEM_NAMESPACE, null, permission);
    }

    /** {@code permission} in {@code project}. */
    public static RobotGrant project(Project project, Permission permission) {
        return new RobotGrant(KIND_PROJECT, project.name(), project.id(), permission);
    }

    /** {@code permission} in every project, present and future (namespace {@code *}). */
    public static RobotGrant allProjects(Permission permission) {
        return new RobotGrant(KIND_PROJECT, ALL_PROJECTS, null, permission);
    }

    public String kind() {
        return kind;
    }

    public String namespace() {
        return namespace;
    }

    /** The id of the project a project grant names; null for system grants and for {@code *}. */
    public Long projectId() {
        return projectId;
    }

    public boolean isSystem() {
        return KIND_SYSTEM.equals(kind);
    }

    public boolean isAllProjects() {
        return KIND_PROJECT.equals(kind) && ALL_PROJECTS.equals(namespace);
    }

    public Permission permission() {
        return Permission.of(Resource.ofValue(resource).orElseThrow(), Action.ofValue(action).orElseThrow());
    }

    /**
     * Whether this grant covers {@code permission} in {@code project}: by name, and, where the grant recorded the
     * project's id, only in that very project (not in a later one of the same name).
     */
    public boolean covers(Project project, Permission permission) {
        return covers(project.name(), permission) && (projectId == null || projectId.equals(project.id()));
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

    @Override
    public String toString() {
        return kind + ":" + namespace + ":" + resource + ":" + action;
    }
}
