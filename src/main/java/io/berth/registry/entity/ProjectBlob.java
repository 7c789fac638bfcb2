package io.berth.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * Grants a project sight of a blob. Uploads, mounts and manifest pushes create the link; pulls, mounts and manifest
 * pushes check it, so a digest known in one project is never served to another. The project's quota usage counts
 * it; garbage collection removes it once no artifact of the project needs the blob and it is older than the grace
 * window (counted from {@code creation_time} and from the blob's last use).
 */
@Entity
@Table(name = "project_blob")
@IdClass(ProjectBlob.Key.class)
@NamedQuery(name = ProjectBlob.FIND_VISIBLE,
        query = "SELECT b FROM ProjectBlob pb, Blob b WHERE pb.blobId = b.id AND pb.projectId = :projectId AND b.digest = :digest")
@NamedQuery(name = ProjectBlob.FIND_VISIBLE_IN,
        query = "SELECT b FROM ProjectBlob pb, Blob b WHERE pb.blobId = b.id AND pb.projectId = :projectId AND b.digest IN :digests")
@NamedQuery(name = ProjectBlob.FIND_LOCKED,
        query = "SELECT pb FROM ProjectBlob pb WHERE pb.projectId = :projectId AND pb.blobId = :blobId")
public class ProjectBlob {

    public static final String FIND_VISIBLE = "ProjectBlob.findVisible";
    /** One link, for a read with a lock. */
    public static final String FIND_LOCKED = "ProjectBlob.findLocked";
    public static final String FIND_VISIBLE_IN = "ProjectBlob.findVisibleIn";

    @Id
    @Column(name = "project_id")
    private long projectId;

    @Id
    @Column(name = "blob_id")
    private long blobId;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    protected ProjectBlob() {
    }

    public ProjectBlob(long projectId, long blobId, Instant now) {
        this.projectId = projectId;
        this.blobId = blobId;
        this.creationTime = now;
    }

    /** Composite key (project, blob). */
    public record Key(long projectId, long blobId) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }
}
