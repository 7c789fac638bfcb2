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
 * A tag: a mutable name in a repository that points at one artifact. Pushing a manifest by tag moves the
 * tag; the artifact it pointed at stays, untagged, until deleted or garbage-collected.
 */
@Entity
@Table(name = "tag")
@NamedQuery(name = ArtifactTag.FIND,
        query = "SELECT t FROM ArtifactTag t WHERE t.repositoryId = :repositoryId AND t.name = :name")
@NamedQuery(name = ArtifactTag.LIST,
        query = "SELECT t.name FROM ArtifactTag t WHERE t.repositoryId = :repositoryId AND t.name > :last ORDER BY t.name")
public class ArtifactTag {

    public static final String FIND = "ArtifactTag.find";
    public static final String LIST = "ArtifactTag.list";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false)
    private long repositoryId;

    @Column(name = "artifact_id", nullable = false)
    private long artifactId;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(name = "push_time", nullable = false)
    private Instant pushTime;

    @Column(name = "pull_time")
    private Instant pullTime;

    protected ArtifactTag() {
    }

    public ArtifactTag(long repositoryId, long artifactId, Tag name, Instant now) {
        this.repositoryId = repositoryId;
        this.artifactId = artifactId;
        this.name = name.value();
        this.pushTime = now;
    }

    public Long id() {
        return id;
    }

    public long repositoryId() {
        return repositoryId;
    }

    public long artifactId() {
        return artifactId;
    }

    public Instant pushTime() {
        return pushTime;
    }

    public Instant pullTime() {
        return pullTime;
    }

    public String name() {
        return name;
    }

    /** Points the tag at another artifact (a push of a new manifest under an existing tag). */
    public void moveTo(long artifactId, Instant now) {
        this.artifactId = artifactId;
        this.pushTime = now;
    }
}
