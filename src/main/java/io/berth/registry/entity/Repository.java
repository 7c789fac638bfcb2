package io.berth.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A repository: a named collection of artifacts inside a project, created by the first manifest pushed to it.
 * The full name (project included) is stored, as Harbor does, because every OCI request addresses it whole.
 */
@Entity
@Table(name = "repository")
@NamedQuery(name = Repository.FIND_BY_NAME, query = "SELECT r FROM Repository r WHERE r.name = :name")
@NamedQuery(name = Repository.CATALOG,
        query = "SELECT r.name FROM Repository r WHERE r.name > :last ORDER BY r.name")
public class Repository {

    public static final String FIND_BY_NAME = "Repository.findByName";
    public static final String CATALOG = "Repository.catalog";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(nullable = false, unique = true)
    private String name;

    private String description;

    @Column(name = "pull_count", nullable = false)
    private long pullCount;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    protected Repository() {
    }

    public Repository(long projectId, RepositoryName name, Instant now) {
        this.projectId = projectId;
        this.name = name.value();
        this.creationTime = now;
        this.updateTime = now;
    }

    public Long id() {
        return id;
    }

    public long projectId() {
        return projectId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public long pullCount() {
        return pullCount;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant updateTime() {
        return updateTime;
    }

    /** Harbor's repository description, the one field {@code PUT /repositories/{r}} changes. */
    public void describe(String newDescription, Instant now) {
        this.description = newDescription;
        this.updateTime = now;
    }

    public void touch(Instant now) {
        this.updateTime = now;
    }
}
