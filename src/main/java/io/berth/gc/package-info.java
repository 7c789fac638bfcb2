/**
 * Online garbage collection: mark and sweep over the database, while pushes, pulls and mounts go on.
 * <p>
 * Blobs no artifact references (and, on request, untagged artifacts) older than a grace window are marked and
 * then swept, following the state machine in {@link io.berth.registry.entity.BlobStatus}; abandoned uploads are
 * purged too. A project's links to blobs none of its artifacts references any longer go as well, and its quota usage
 * with them, although another project may keep the blob. Runs are started by the API ({@code /api/v2.0/system/gc}) or by a stored schedule, one at a time
 * across all nodes (a lease in the database), and each leaves a history entry and a log.
 * <p>
 * Uses {@code io.berth.registry} (deletions, the blob state machine, the storage layout), {@code io.berth.jobs},
 * {@code io.berth.rbac}, {@code io.berth.storage}, {@code io.berth.platform} and {@code io.berth.events}.
 */
package io.berth.gc;
