package io.berth.rbac.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user or a group holding one role in one project. */
@Entity
@Table(name = "project_member")
@NamedQuery(name = Member.ROLES_OF,
        query = "SELECT m.role FROM Member m WHERE m.projectId = :projectId AND ((m.entityType = 'u' AND m.entityId = :userId)"
                + " OR (m.entityType = 'g' AND m.entityId IN :groupIds))")
@NamedQuery(name = Member.FIND_ENTITY,
        query = "SELECT m FROM Member m WHERE m.projectId = :projectId AND m.entityType = :entityType AND m.entityId = :entityId")
@NamedQuery(name = Member.DELETE_ENTITY, query = "DELETE FROM Member m WHERE m.entityType = :entityType AND m.entityId = :entityId")
@NamedQuery(name = Member.COUNT_ROLE_OF,
        query = "SELECT COUNT(m) FROM Member m WHERE m.role = :role AND ((m.entityType = 'u' AND m.entityId = :userId)"
                + " OR (m.entityType = 'g' AND m.entityId IN :groupIds))")
public class Member {

    public static final String ROLES_OF = "Member.rolesOf";
    public static final String FIND_ENTITY = "Member.findEntity";
    public static final String DELETE_ENTITY = "Member.deleteEntity";
    /** How many projects a user holds a role in, directly or through groups. */
    public static final String COUNT_ROLE_OF = "Member.countRoleOf";
    public static final String USER = "u";
    public static final String GROUP = "g";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "entity_id", nullable = false)
    private long entityId;

    @Column(name = "entity_type", nullable = false, length = 1)
    private String entityType;

    @Column(nullable = false)
    private int role;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    protected Member() {
    }

    public Member(long projectId, long entityId, String entityType, Role role, Instant now) {
        this.projectId = projectId;
        this.entityId = entityId;
        this.entityType = entityType;
        this.role = role.id();
        this.creationTime = now;
        this.updateTime = now;
    }

    public Long id() {
        return id;
    }

    public long projectId() {
        return projectId;
    }

    public long entityId() {
        return entityId;
    }

    public String entityType() {
        return entityType;
    }

    public Role role() {
        return Role.ofId(role).orElseThrow();
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant updateTime() {
        return updateTime;
    }

    public void changeRole(Role role, Instant now) {
        this.role = role.id();
        this.updateTime = now;
    }
}
