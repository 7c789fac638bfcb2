package io.berth.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A label attached to an artifact; removed with either of them by foreign key. */
@Entity
@Table(name = "artifact_label")
public class ArtifactLabel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "artifact_id", nullable = false)
    private long artifactId;

    @Column(name = "label_id", nullable = false)
    private long labelId;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    protected ArtifactLabel() {
    }

    public ArtifactLabel(long artifactId, long labelId, Instant now) {
        this.artifactId = artifactId;
        this.labelId = labelId;
        this.creationTime = now;
    }

    public long artifactId() {
        return artifactId;
    }

    public long labelId() {
        return labelId;
    }
}
