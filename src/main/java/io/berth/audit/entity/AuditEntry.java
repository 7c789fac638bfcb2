package io.berth.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One stored audit entry, read by the query API and the export. Entries are written in JDBC batches by
 * {@code io.berth.audit.control.AuditWriter} (identity ids keep Hibernate from batching inserts), so this
 * class has no constructor for new rows and no setters: once written, an entry never changes.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "op_time", nullable = false)
    private Instant opTime;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String operation;

    @Column(name = "resource_type", nullable = false)
    private String resourceType;

    @Column(nullable = false)
    private String resource;

    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "op_result", nullable = false)
    private boolean success;

    @Column(name = "op_desc")
    private String description;

    @Column(name = "client_ip")
    private String clientIp;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "request_id")
    private String requestId;

    protected AuditEntry() {
    }

    public long id() {
        return id;
    }

    public Instant opTime() {
        return opTime;
    }

    public String username() {
        return username;
    }

    public String operation() {
        return operation;
    }

    public String resourceType() {
        return resourceType;
    }

    public String resource() {
        return resource;
    }

    public Long projectId() {
        return projectId;
    }

    public boolean success() {
        return success;
    }

    public String description() {
        return description;
    }

    public String clientIp() {
        return clientIp;
    }

    public String userAgent() {
        return userAgent;
    }

    public String requestId() {
        return requestId;
    }
}
