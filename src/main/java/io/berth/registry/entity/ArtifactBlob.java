package io.berth.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Records that an artifact needs a blob (its manifest, config or a layer): what GC must keep. */
@Entity
@Table(name = "artifact_blob")
@IdClass(ArtifactBlob.Key.class)
public class ArtifactBlob {

    @Id
    @Column(name = "artifact_id")
    private long artifactId;

    @Id
    @Column(name = "blob_id")
    private long blobId;

    protected ArtifactBlob() {
    }

    public ArtifactBlob(long artifactId, long blobId) {
        this.artifactId = artifactId;
        this.blobId = blobId;
    }

    /** Composite key (artifact, blob). */
    public record Key(long artifactId, long blobId) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }
}
