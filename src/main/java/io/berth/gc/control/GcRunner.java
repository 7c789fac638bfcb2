package io.berth.gc.control;

import io.berth.gc.entity.GcExecution;
import io.berth.gc.entity.GcParameters;
import io.berth.gc.entity.GcResult;
import io.berth.gc.entity.GcStatus;
import io.berth.jobs.control.Leases;
import io.berth.jobs.control.NodeIdentity;
import io.berth.registry.control.ArtifactRemovals;
import io.berth.registry.control.BlobPaths;
import io.berth.registry.control.Deletions;
import io.berth.registry.entity.RegistryException;
import io.berth.storage.spi.PathNotFoundException;
import io.berth.storage.spi.StorageDriver;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one garbage collection, already claimed by {@link Executions#open}:
 * <ol>
 *   <li>untagged artifacts older than the grace window are deleted, when asked ({@code delete_untagged});</li>
 *   <li>each project's links to blobs none of its artifacts references any longer go, with their quota usage
 *       ({@link ProjectLinks});</li>
 *   <li>mark: blobs no artifact references and older than the window go NONE → DELETE;</li>
 *   <li>sweep, in batches spread over {@code workers} threads: DELETE → DELETING (re-checked), the bytes are
 *       deleted from the store, then the rows; a blob the store refuses goes to DELETE_FAILED;</li>
 *   <li>upload sessions untouched for longer than the configured age are purged.</li>
 * </ol>
 * A dry run lists the same candidates and reports them without changing anything. Between batches the run
 * looks for a stop request and renews its claim every few seconds, so a stop takes effect after the batches in hand, and a run that lost its
 * claim (its node was taken for dead) stops at once. Nothing here holds a transaction across store calls.
 */
@ApplicationScoped
public class GcRunner {


    @Inject
    Executions executions;

    @Inject
    BlobSweeps sweeps;

    @Inject
    ProjectLinks links;

    @Inject
    UploadPurges uploads;

    @Inject
    ArtifactRemovals artifacts;

    @Inject
    Deletions deletions;

    @Inject
    StorageDriver storage;

    @Inject
    GcSettings settings;

    @Inject
    GcLog log;

    @Inject
    Leases leases;

    @Inject
    NodeIdentity node;

    @Resource
    ManagedThreadFactory threads;

    /** Why a run ends early. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final GcStatus status;

        Interrupted(GcStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** Runs {@code id} to its end and records the outcome; releases the claim whatever happens. */
    public void run(long id) {
        Progress progress = new Progress(id);
        try {
            GcExecution execution = executions.started(id);
            GcParameters parameters = execution.parameters();
            Instant cutoff = Instant.now().minus(parameters.timeWindow());
            log.info(id, "Garbage collection started on {0}: dry_run={1}, delete_untagged={2}, workers={3}, grace window {4} s",
                    node.id(), parameters.dryRun(), parameters.deleteUntagged(), parameters.workers(), parameters.timeWindow().toSeconds());
            GcResult result = parameters.dryRun() ? dryRun(progress, parameters, cutoff) : collect(progress, parameters, cutoff);
            executions.finished(id, GcStatus.SUCCESS, result);
            log.info(id, "Garbage collection finished: {0} blobs ({1} manifests) and {2} bytes {3}, {4} untagged artifacts,"
                            + " {5} abandoned uploads; mark {6} ms, sweep {7} ms",
                    result.blobs(), result.manifests(), result.bytes(), parameters.dryRun() ? "would be freed" : "freed",
                    result.artifacts(), result.uploads(), result.markMillis(), result.sweepMillis());
        } catch (Interrupted e) {
            executions.finished(id, e.status, progress.result());
            log.info(id, "Garbage collection ended early: {0}", e.getMessage());
        } catch (RuntimeException e) {
            executions.finished(id, GcStatus.ERROR, progress.result());
            log.error(id, "Garbage collection failed: {0}", String.valueOf(e));
        } finally {
            leases.release(Executions.LEASE, node.id(), id);
        }
    }

    private GcResult dryRun(Progress progress, GcParameters parameters, Instant cutoff) {
        long markStart = System.nanoTime();
        List<Candidate> candidates = new ArrayList<>(sweeps.unreferenced(cutoff));
        long artifactCount = 0;
        if (parameters.deleteUntagged()) {
            Set<Long> going = new HashSet<>();
            for (ArtifactRemovals.ArtifactRef ref : artifacts.untagged(cutoff)) {
                going.addAll(artifacts.plan(ref));
            }
            artifactCount = going.size();
            candidates.addAll(sweeps.freedWith(sweeps.referencedBy(going), going, cutoff));
        }
        long uploadCount = uploads.abandoned(Instant.now().minus(settings.uploadMaxAge())).size();
        List<ProjectLinks.Stale> stale = links.stale(cutoff, 1000);
        long markMillis = millisSince(markStart);
        long manifests = candidates.stream().filter(Candidate::manifest).count();
        long bytes = candidates.stream().mapToLong(Candidate::size).sum();
        log.info(progress.id, "Dry run: {0} blobs ({1} manifests, {2} bytes) are eligible for deletion, {3} untagged artifacts,"
                + " {4} abandoned uploads", candidates.size(), manifests, bytes, artifactCount, uploadCount);
        log.info(progress.id, "Dry run: {0} links of {1} projects to blobs they no longer reference would go, {2} bytes off their quota usage",
                stale.stream().mapToLong(s -> s.blobIds().size()).sum(), stale.stream().map(ProjectLinks.Stale::projectId).distinct().count(),
                stale.stream().mapToLong(ProjectLinks.Stale::bytes).sum());
        return new GcResult(candidates.size(), manifests, artifactCount, uploadCount, bytes, markMillis, 0);
    }

    private GcResult collect(Progress progress, GcParameters parameters, Instant cutoff) {
        long markStart = System.nanoTime();
        if (parameters.deleteUntagged()) {
            deleteUntagged(progress, cutoff);
        }
        progress.checkpoint(true);
        unlinkStale(progress, cutoff);
        List<Candidate> candidates = sweeps.unreferenced(cutoff);
        long marked = 0;
        for (List<Long> batch : BlobSweeps.batches(candidates.stream().map(Candidate::id).toList(), 1000)) {
            marked += sweeps.mark(batch, cutoff);
            progress.checkpoint(false);
        }
        progress.markMillis = millisSince(markStart);
        log.info(progress.id, "Mark: {0} candidate blobs, {1} newly marked, in {2} ms", candidates.size(), marked, progress.markMillis);

        long sweepStart = System.nanoTime();
        sweep(progress, candidates, cutoff, parameters.workers());
        progress.sweepMillis = millisSince(sweepStart);
        log.info(progress.id, "Sweep: {0} blobs deleted ({1} manifests, {2} bytes), {3} failed, in {4} ms",
                progress.blobs.get(), progress.manifests.get(), progress.bytes.get(), progress.failed.get(), progress.sweepMillis);

        Instant before = Instant.now().minus(settings.uploadMaxAge());
        for (String uuid : uploads.abandoned(before)) {
            if (uploads.purge(uuid, before)) {
                progress.uploads.incrementAndGet();
            }
        }
        progress.uploads.addAndGet(uploads.purgeOrphans(before));
        return progress.result();
    }

    private void deleteUntagged(Progress progress, Instant cutoff) {
        for (ArtifactRemovals.ArtifactRef ref : artifacts.untagged(cutoff)) {
            try {
                progress.artifacts.addAndGet(deletions.deleteArtifact(ref.repository(), ref.digest()).size());
            } catch (RegistryException e) {
                // Deleted meanwhile, or an index now lists it: either way it is no longer ours to delete.
                log.info(progress.id, "Skipped untagged {0}@{1}: {2}", ref.repository(), ref.digest(), e.getMessage());
            }
            progress.checkpoint(false);
        }
        log.info(progress.id, "Deleted {0} untagged artifacts (with their accessories and children)", progress.artifacts.get());
    }

    /**
     * After untagged artifacts went, so that their blobs count as unreferenced in their projects. A blob no project
     * references at all loses its links here too (and its usage with them); the sweep then deletes it.
     */
    private void unlinkStale(Progress progress, Instant cutoff) {
        long count = 0;
        long bytes = 0;
        Set<Long> projects = new HashSet<>();
        for (ProjectLinks.Stale stale : links.stale(cutoff, 1000)) {
            ProjectLinks.Unlinked unlinked = links.unlink(stale.projectId(), stale.blobIds(), cutoff);
            count += unlinked.links();
            bytes += unlinked.bytes();
            if (unlinked.links() > 0) {
                projects.add(stale.projectId());
            }
            progress.checkpoint(false);
        }
        log.info(progress.id, "Unlinked {0} blobs from {1} projects that no longer reference them, {2} bytes off their quota usage",
                count, projects.size(), bytes);
    }

    private void sweep(Progress progress, List<Candidate> candidates, Instant cutoff, int workers) {
        List<List<Long>> batches = BlobSweeps.batches(candidates.stream().map(Candidate::id).toList(), settings.sweepBatch());
        ExecutorService pool = Executors.newFixedThreadPool(workers, threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<Long> batch : batches) {
                futures.add(pool.submit(() -> {
                    progress.checkpoint(false);
                    sweepBatch(progress, batch, cutoff);
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted(GcStatus.ERROR, "interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private void sweepBatch(Progress progress, List<Long> batch, Instant cutoff) {
        List<Candidate> deleting = sweeps.claim(batch, cutoff);
        List<Long> gone = new ArrayList<>(deleting.size());
        List<Long> refused = new ArrayList<>();
        long bytes = 0;
        long manifests = 0;
        for (Candidate blob : deleting) {
            try {
                storage.delete(BlobPaths.blobDirectory(blob.digest()));
            } catch (PathNotFoundException e) {
                // already gone from the store: the row goes all the same
            } catch (IOException | RuntimeException e) {
                refused.add(blob.id());
                log.error(progress.id, "Could not delete blob {0}: {1}", blob.digest(), String.valueOf(e));
                continue;
            }
            gone.add(blob.id());
            bytes += blob.size();
            manifests += blob.manifest() ? 1 : 0;
        }
        sweeps.removeRows(gone);
        sweeps.failed(refused);
        progress.blobs.addAndGet(gone.size());
        progress.manifests.addAndGet(manifests);
        progress.bytes.addAndGet(bytes);
        progress.failed.addAndGet(refused.size());
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    /** Counters shared by the workers, and the heartbeat: claim renewal and stop check at most every few seconds. */
    private final class Progress {
        final long id;
        final AtomicLong blobs = new AtomicLong();
        final AtomicLong manifests = new AtomicLong();
        final AtomicLong artifacts = new AtomicLong();
        final AtomicLong uploads = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile long markMillis;
        volatile long sweepMillis;
        private long lastBeat = System.nanoTime();
        private Interrupted ended;

        Progress(long id) {
            this.id = id;
        }

        /** Checks for a stop request, and renews the claim when a heartbeat is due (or {@code renewNow}). */
        synchronized void checkpoint(boolean renewNow) {
            if (ended != null) {
                throw ended;
            }
            if (renewNow || System.nanoTime() - lastBeat >= GcSettings.HEARTBEAT.toNanos()) {
                lastBeat = System.nanoTime();
                if (!leases.renew(Executions.LEASE, node.id(), id, GcSettings.LEASE)) {
                    ended = new Interrupted(GcStatus.ERROR, "this node lost its claim on the garbage collection");
                }
            }
            if (ended == null && executions.stopRequested(id)) {
                ended = new Interrupted(GcStatus.STOPPED, "stopped on request");
            }
            if (ended != null) {
                throw ended;
            }
        }

        GcResult result() {
            return new GcResult(blobs.get(), manifests.get(), artifacts.get(), uploads.get(), bytes.get(), markMillis, sweepMillis);
        }
    }
}
