package io.berth.audit.entity;

import java.time.Instant;

/**
 * An {@link AuditEvent} completed with who, when and from where, as it waits in the queue to be written and
 * forwarded. {@code projectId} may still be null when only the project's name was known; the writer resolves it.
 */
public record RecordedEvent(Instant opTime, String username, String operation, String resourceType, String resource,
        Long projectId, String projectName, boolean success, String description, String clientIp, String userAgent,
        String requestId) {

    /** Harbor's event type, e.g. {@code create_artifact}. */
    public String eventType() {
        return operation + "_" + resourceType;
    }

    /** The same entry with its project id resolved. */
    public RecordedEvent withProjectId(Long id) {
        return new RecordedEvent(opTime, username, operation, resourceType, resource, id, projectName, success,
                description, clientIp, userAgent, requestId);
    }
}
