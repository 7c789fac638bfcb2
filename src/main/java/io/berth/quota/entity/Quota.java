package io.berth.quota.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The storage quota of one project: its hard limit in bytes ({@link StorageLimit#UNLIMITED} for none) and what
 * it uses, the sizes of the blobs linked to it, each counted once.
 * <p>
 * A row changes only through the bulk updates named here, never by loading and saving the entity: concurrent
 * pushes on several nodes change {@code used} at once, and an entity saved with the {@code used} it was loaded
 * with would undo theirs. Only a conditional {@code UPDATE} decides between them without a lost update. {@link #CHARGE} changes nothing when the bytes would not fit, which is how a push
 * over quota is refused.
 */
@Entity
@Table(name = "quota")
@NamedQuery(name = Quota.FIND_BY_PROJECT, query = "SELECT q FROM Quota q WHERE q.projectId = :projectId")
@NamedQuery(name = Quota.CHARGE, query = "UPDATE Quota q SET q.used = q.used + :size, q.updateTime = :now"
        + " WHERE q.projectId = :projectId AND (:enforce = FALSE OR q.hard < 0 OR q.used + :size <= q.hard)")
@NamedQuery(name = Quota.LIMIT, query = "UPDATE Quota q SET q.hard = :hard, q.updateTime = :now WHERE q.id = :id")
@NamedQuery(name = Quota.RELEASE, query = "UPDATE Quota q"
        + " SET q.used = CASE WHEN q.used > :size THEN q.used - :size ELSE 0 END, q.updateTime = :now"
        + " WHERE q.projectId = :projectId")
@NamedQuery(name = Quota.RECOUNT, query = "UPDATE Quota q SET q.used = COALESCE((SELECT SUM(b.size)"
        + " FROM ProjectBlob pb, Blob b WHERE pb.blobId = b.id AND pb.projectId = q.projectId), 0), q.updateTime = :now"
        + " WHERE q.projectId = :projectId")
public class Quota {

    public static final String FIND_BY_PROJECT = "Quota.findByProject";
    public static final String CHARGE = "Quota.charge";
    public static final String LIMIT = "Quota.limit";
    public static final String RELEASE = "Quota.release";
    public static final String RECOUNT = "Quota.recount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false, unique = true)
    private long projectId;

    @Column(name = "hard_storage", nullable = false)
    private long hard;

    @Column(name = "used_storage", nullable = false)
    private long used;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "update_time", nullable = false)
    private Instant updateTime;

    protected Quota() {
    }

    public Quota(long projectId, StorageLimit hard, Instant now) {
        this.projectId = projectId;
        this.hard = hard.bytes();
        this.creationTime = now;
        this.updateTime = now;
    }

    public Long id() {
        return id;
    }

    public long projectId() {
        return projectId;
    }

    public StorageLimit hard() {
        return new StorageLimit(hard);
    }

    public long used() {
        return used;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant updateTime() {
        return updateTime;
    }
}
