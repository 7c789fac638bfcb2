package io.berth.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A child of an image index, with the platform (JSON) it is listed under. */
@Entity
@Table(name = "artifact_reference")
@NamedQuery(name = ArtifactReference.COUNT_PARENTS,
        query = "SELECT COUNT(r) FROM ArtifactReference r WHERE r.childId = :childId")
public class ArtifactReference {

    public static final String COUNT_PARENTS = "ArtifactReference.countParents";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "parent_id", nullable = false)
    private long parentId;

    @Column(name = "child_id", nullable = false)
    private long childId;

    @Column(name = "child_digest", nullable = false)
    private String childDigest;

    private String platform;

    private String annotations;

    protected ArtifactReference() {
    }

    public ArtifactReference(long parentId, long childId, Digest childDigest, String platform, String annotations) {
        this.parentId = parentId;
        this.childId = childId;
        this.childDigest = childDigest.toString();
        this.platform = platform;
        this.annotations = annotations;
    }

    public long parentId() {
        return parentId;
    }

    public long childId() {
        return childId;
    }

    public Digest childDigest() {
        return Digest.parse(childDigest);
    }

    /** The entry's annotations as JSON text; null if none. */
    public String annotations() {
        return annotations;
    }

    public String platform() {
        return platform;
    }
}
