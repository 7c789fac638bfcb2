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
 * An artifact: one manifest (image, index or any OCI artifact) in one repository, addressed by digest.
 * <p>
 * It records what listings and referrers need without reading the manifest again: media types, the
 * artifact type, the total size, the subject it refers to and its annotations (as JSON).
 * <p>
 * An accessory (a signature, an SBOM) hangs on a subject artifact of the same repository in one of two ways: an
 * OCI 1.1 {@code subject} in its manifest ({@link #subjectDigest()}, also what the referrers API lists), or
 * cosign's older tag scheme, a plain image pushed under the tag {@code sha256-<subject hex>.sig}
 * ({@link #signatureOf()}, set at push time when the subject is there, as Harbor records it).
 */
@Entity
@Table(name = "artifact")
@NamedQuery(name = Artifact.FIND_BY_DIGEST,
        query = "SELECT a FROM Artifact a WHERE a.repositoryId = :repositoryId AND a.digest = :digest")
@NamedQuery(name = Artifact.FIND_BY_DIGESTS,
        query = "SELECT a FROM Artifact a WHERE a.repositoryId = :repositoryId AND a.digest IN :digests")
@NamedQuery(name = Artifact.FIND_REFERRERS,
        query = "SELECT a FROM Artifact a WHERE a.repositoryId = :repositoryId AND a.subjectDigest = :subject ORDER BY a.pushTime, a.id")
@NamedQuery(name = Artifact.FIND_ACCESSORIES, query = "SELECT a FROM Artifact a WHERE a.repositoryId = :repositoryId"
        + " AND (a.subjectDigest = :subject OR a.signatureOf = :subject) ORDER BY a.pushTime, a.id")
@NamedQuery(name = Artifact.FIND_INFO_BY_TAG, query = "SELECT a.digest, a.manifestMediaType, a.manifestSize"
        + " FROM Repository r, ArtifactTag t, Artifact a"
        + " WHERE r.name = :name AND t.repositoryId = r.id AND t.name = :tag AND a.id = t.artifactId")
@NamedQuery(name = Artifact.FIND_INFO_BY_DIGEST, query = "SELECT a.digest, a.manifestMediaType, a.manifestSize"
        + " FROM Repository r, Artifact a WHERE r.name = :name AND a.repositoryId = r.id AND a.digest = :digest")
public class Artifact {

    /** Digest, manifest media type and manifest size of the artifact a tag points at: what a HEAD answers. */
    public static final String FIND_INFO_BY_TAG = "Artifact.findInfoByTag";
    /** As {@link #FIND_INFO_BY_TAG}, by digest. */
    public static final String FIND_INFO_BY_DIGEST = "Artifact.findInfoByDigest";
    public static final String FIND_BY_DIGEST = "Artifact.findByDigest";
    public static final String FIND_BY_DIGESTS = "Artifact.findByDigests";
    public static final String FIND_REFERRERS = "Artifact.findReferrers";
    /** Referrers and cosign tag-scheme signatures of {@code :subject}: what Harbor calls its accessories. */
    public static final String FIND_ACCESSORIES = "Artifact.findAccessories";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false)
    private long repositoryId;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(nullable = false)
    private String digest;

    /** The config media type for images (Harbor's {@code media_type}); the manifest type otherwise. */
    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "manifest_media_type", nullable = false)
    private String manifestMediaType;

    @Column(name = "artifact_type")
    private String artifactType;

    @Column(name = "manifest_size", nullable = false)
    private long manifestSize;

    @Column(nullable = false)
    private long size;

    @Column(name = "subject_digest")
    private String subjectDigest;

    /** The digest this artifact signs under cosign's tag scheme; null for anything else. Not a referrer. */
    @Column(name = "signature_of")
    private String signatureOf;

    private String annotations;

    @Column(name = "push_time", nullable = false)
    private Instant pushTime;

    @Column(name = "pull_time")
    private Instant pullTime;

    protected Artifact() {
    }

    public Artifact(long repositoryId, long projectId, Digest digest, String manifestMediaType, String mediaType,
            String artifactType, long manifestSize, long size, Digest subject, String annotations, Instant now) {
        this.repositoryId = repositoryId;
        this.projectId = projectId;
        this.digest = digest.toString();
        this.manifestMediaType = manifestMediaType;
        this.mediaType = mediaType;
        this.artifactType = artifactType;
        this.manifestSize = manifestSize;
        this.size = size;
        this.subjectDigest = subject == null ? null : subject.toString();
        this.annotations = annotations;
        this.pushTime = now;
    }

    public Long id() {
        return id;
    }

    public long repositoryId() {
        return repositoryId;
    }

    public long projectId() {
        return projectId;
    }

    public Digest digest() {
        return Digest.parse(digest);
    }

    public String manifestMediaType() {
        return manifestMediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String artifactType() {
        return artifactType;
    }

    public long manifestSize() {
        return manifestSize;
    }

    public long size() {
        return size;
    }

    public String subjectDigest() {
        return subjectDigest;
    }

    public String signatureOf() {
        return signatureOf;
    }

    /** Harbor's accessory type, should this artifact hang on a subject. */
    public String accessoryType() {
        return signatureOf != null ? HarborTypes.COSIGN_SIGNATURE : HarborTypes.accessoryType(artifactType, mediaType);
    }

    /**
     * Records that this artifact is cosign's tag-scheme signature of {@code subject} (pushed under
     * {@code sha256-<hex>.sig}); the first subject sticks, as a tag moved later does not re-sign anything.
     */
    public void signs(Digest subject) {
        if (signatureOf == null) {
            this.signatureOf = subject.toString();
        }
    }

    public String annotations() {
        return annotations;
    }

    public Instant pushTime() {
        return pushTime;
    }

    public Instant pullTime() {
        return pullTime;
    }

    /** A re-push of the same manifest refreshes the push time, as Harbor does. */
    public void pushedAgain(Instant now) {
        this.pushTime = now;
    }
}
