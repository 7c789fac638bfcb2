/**
 * Registry logic below the facades: the storage layout ({@link io.berth.registry.control.BlobPaths}),
 * digest-verifying copies, the metadata writers for blobs, uploads and manifests, and node-local caches.
 * <p>
 * The writers ({@code BlobRecords}, {@code ManifestRecords}, {@code UploadSessions}) each open their own
 * short transaction, one level below the facade, so that {@code @RetryOnConflict} can re-run a whole
 * transaction when two pushes race; the caches hold only content-addressed or re-computable state, never
 * the truth, so several nodes can share one database and store. Pull statistics are the one exception: each
 * node batches them in memory ({@code PullLedger}) and adds what it has not flushed yet whenever they are shown
 * ({@code PullStatistics}).
 */
package io.berth.registry.control;
