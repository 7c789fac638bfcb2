package io.berth.events;

/**
 * Something that happened and belongs in the audit trail: the CDI event every capability fires, carrying only
 * what the place that fires it knows. Who, from where and when are added by the audit trail itself (see
 * {@code io.berth.audit.control.AuditRecorder}).
 * <pre>
 * audit.fire(AuditEvent.of(Operation.CREATE, ResourceType.ARTIFACT, "library/app:v1").inProject("library"));
 * audit.fire(AuditEvent.of(Operation.LOGIN, ResourceType.USER, name).by(name).failed("wrong password"));
 * </pre>
 *
 * @param operation    what was done
 * @param resourceType what kind of thing it was done to
 * @param resource     which one, by name ({@code library/app:v1}, {@code library/app@sha256:...}, a user name)
 * @param projectId    the project it belongs to, when the firing place knows the id; else null
 * @param projectName  the project by name, when only the name is known (resolved to an id when written); else null
 * @param username     who did it, when the firing place knows better than the request's caller (a login); else null
 * @param success      whether it worked (a refused login is recorded with false)
 * @param description  a short human-readable detail, never a secret or a request body; may be null
 */
public record AuditEvent(Operation operation, ResourceType resourceType, String resource, Long projectId,
        String projectName, String username, boolean success, String description) {

    public AuditEvent {
        if (operation == null || resourceType == null || resource == null) {
            throw new IllegalArgumentException("operation, resource type and resource are required");
        }
    }

    /** A successful operation on a system-level resource; add the project with {@link #inProject}. */
    public static AuditEvent of(Operation operation, ResourceType resourceType, String resource) {
        return new AuditEvent(operation, resourceType, resource, null, null, null, true, null);
    }

    /** The same event, in the project of that name. */
    public AuditEvent inProject(String name) {
        return new AuditEvent(operation, resourceType, resource, projectId, name, username, success, description);
    }

    /** The same event, in the project with that id and name. */
    public AuditEvent inProject(long id, String name) {
        return new AuditEvent(operation, resourceType, resource, id, name, username, success, description);
    }

    /** The same event, done by {@code name} rather than the request's authenticated caller. */
    public AuditEvent by(String name) {
        return new AuditEvent(operation, resourceType, resource, projectId, projectName, name, success, description);
    }

    /** The same event with a short detail (no secrets). */
    public AuditEvent describedAs(String text) {
        return new AuditEvent(operation, resourceType, resource, projectId, projectName, username, success, text);
    }

    /** The same event, as a failed attempt with a short reason (no secrets). */
    public AuditEvent failed(String reason) {
        return new AuditEvent(operation, resourceType, resource, projectId, projectName, username, false, reason);
    }

    /** Harbor's event type: {@code create_artifact}, {@code login_user}, ... */
    public String eventType() {
        return operation.value() + "_" + resourceType.value();
    }
}
