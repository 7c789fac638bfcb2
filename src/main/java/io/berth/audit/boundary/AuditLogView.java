package io.berth.audit.boundary;

import io.berth.audit.entity.AuditEntry;
import java.time.Instant;

/**
 * An entry as the API shows it: Harbor's {@code AuditLog} fields ({@code id}, {@code username}, {@code resource},
 * {@code resource_type}, {@code operation}, {@code op_time}), {@code operation_result} and
 * {@code operation_description} as in Harbor's {@code AuditLogExt}, and Berth's {@code project_id},
 * {@code client_ip}, {@code user_agent} and {@code request_id}.
 */
public record AuditLogView(long id, String username, String resource, String resourceType, String operation,
        Instant opTime, Long projectId, boolean operationResult, String operationDescription, String clientIp,
        String userAgent, String requestId) {

    static AuditLogView of(AuditEntry e) {
        return new AuditLogView(e.id(), e.username(), e.resource(), e.resourceType(), e.operation(), e.opTime(),
                e.projectId(), e.success(), e.description() == null ? "" : e.description(), e.clientIp(),
                e.userAgent(), e.requestId());
    }
}
