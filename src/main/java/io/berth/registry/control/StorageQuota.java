package io.berth.registry.control;

/**
 * What the registry asks of project storage quotas, implemented outside the registry (by {@code io.berth.quota}).
 * <p>
 * An interface rather than a CDI event: refusing is part of the contract, and a reader of {@link BlobRecords}
 * should see that linking a blob can be refused, and where, instead of learning it from an observer that throws.
 * The registry depends only on this interface, so it never depends on the quota package, while the quota package
 * depends on the registry's entities.
 * <p>
 * Usage is the sum of the sizes of the blobs linked to a project, each counted once: the registry calls
 * {@link #charge} exactly when it inserts a {@code project_blob} row and {@link #release} when it removes one, in
 * the same transaction, so usage and links never disagree after a commit or a rollback.
 */
public interface StorageQuota {

    /**
     * Refuses early, before a blob's bytes are placed in the store, when {@code size} more bytes would not fit in
     * the project's quota now. Advisory only (it takes no lock; {@link #charge} decides), it keeps a refused push
     * from leaving bytes in the store in all but a lost race.
     *
     * @throws io.berth.registry.entity.RegistryException {@code DENIED} (403) with Harbor's quota message
     */
    void requireRoom(long projectId, long size);

    /**
     * Adds {@code size} bytes to the project's usage if they fit, in the caller's transaction; the caller then
     * inserts the link. Race-safe across threads and nodes: one conditional {@code UPDATE}.
     *
     * @throws io.berth.registry.entity.RegistryException {@code DENIED} (403) with Harbor's quota message; the caller's
     *         transaction must roll back (it does: the exception is unchecked)
     */
    void charge(long projectId, long size);

    /** Takes {@code size} bytes off the project's usage (never below zero), in the transaction that removes a link. */
    void release(long projectId, long size);

    /**
     * Sets the project's usage to the sum of the blobs linked to it, in one statement: for callers that remove many
     * links at once (garbage collection) and for repairs.
     */
    void recount(long projectId);
}
