package io.berth.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A blob known to the registry: its digest, size and garbage-collection state. The bytes are in the
 * storage driver at the content-addressed path of the digest (see {@code BlobPaths}).
 */
@Entity
@Table(name = "registry_blob")
@NamedQuery(name = Blob.FIND_BY_DIGEST, query = "SELECT b FROM Blob b WHERE b.digest = :digest")
@NamedQuery(name = Blob.FIND_BY_DIGESTS, query = "SELECT b FROM Blob b WHERE b.digest IN :digests")
@NamedQuery(name = Blob.RECLAIM, query = "UPDATE Blob b SET b.status = io.berth.registry.entity.BlobStatus.NONE,"
        + " b.updateTime = :now WHERE b.id IN :ids AND b.status = io.berth.registry.entity.BlobStatus.DELETE")
@NamedQuery(name = Blob.TOUCH, query = "UPDATE Blob b SET b.updateTime = :now,"
        + " b.status = io.berth.registry.entity.BlobStatus.NONE WHERE b.digest = :digest"
        + " AND b.status IN (io.berth.registry.entity.BlobStatus.NONE, io.berth.registry.entity.BlobStatus.DELETE)")
@NamedQuery(name = Blob.REFRESH, query = "UPDATE Blob b SET b.updateTime = :now,"
        + " b.status = io.berth.registry.entity.BlobStatus.NONE WHERE b.digest = :digest"
        + " AND b.status IN (io.berth.registry.entity.BlobStatus.NONE, io.berth.registry.entity.BlobStatus.DELETE,"
        + " io.berth.registry.entity.BlobStatus.DELETE_FAILED)")
@NamedQuery(name = Blob.STATUS, query = "SELECT b.status FROM Blob b WHERE b.digest = :digest")
public class Blob {

    public static final String FIND_BY_DIGEST = "Blob.findByDigest";
    public static final String FIND_BY_DIGESTS = "Blob.findByDigests";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String digest;

    @Column(nullable = false)
    private long size;

    @Column(name = "media_type")
    private String mediaType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BlobStatus status = BlobStatus.NONE;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    protected Blob() {
    }

    public Blob(Digest digest, long size, String mediaType, Instant now) {
        this.digest = digest.toString();
        this.size = size;
        this.mediaType = mediaType;
        this.creationTime = now;
        this.updateTime = now;
    }

    public Long id() {
        return id;
    }

    public Digest digest() {
        return Digest.parse(digest);
    }

    public long size() {
        return size;
    }

    public String mediaType() {
        return mediaType;
    }

    public BlobStatus status() {
        return status;
    }

    public Instant updateTime() {
        return updateTime;
    }

    /**
     * Takes a blob that GC marked back out of its hands (Harbor's "touch"): a bulk update, so pushes that all
     * reference one popular base layer serialise briefly on its row instead of failing a version check.
     */
    public static final String RECLAIM = "Blob.reclaim";

    /**
     * A client relies on the blob (HEAD, mount): DELETE or NONE becomes NONE and the grace window starts over.
     * Updates nothing when GC is already deleting it, and the caller then treats the blob as absent.
     */
    public static final String TOUCH = "Blob.touch";

    /** The blob's bytes were just written again: as {@link #TOUCH}, and a failed deletion is forgotten too. */
    public static final String REFRESH = "Blob.refresh";

    /** The GC state of a blob by digest. */
    public static final String STATUS = "Blob.status";
}
