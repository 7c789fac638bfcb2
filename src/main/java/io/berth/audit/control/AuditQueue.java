package io.berth.audit.control;

import io.berth.audit.entity.RecordedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * The bounded in-memory queue between the threads that record entries and the {@link AuditWriter} that stores
 * them. Offering costs a request nothing but a lock; a full batch wakes the writer early.
 * <p>
 * When the queue is full (the database has fallen behind by {@link #CAPACITY} entries), the recording thread
 * waits up to {@link #FULL_WAIT_MILLIS} for room and then writes its entry itself: an audit trail that silently
 * drops entries under load would be worthless, and slowing the few requests that arrive while the database
 * cannot keep up is the lesser harm.
 */
@ApplicationScoped
public class AuditQueue {

    static final int CAPACITY = 20_000;
    static final long FULL_WAIT_MILLIS = 200;

    private final LinkedBlockingDeque<RecordedEvent> entries = new LinkedBlockingDeque<>(CAPACITY);

    @Inject
    AuditWriter writer;

    public void offer(RecordedEvent entry) {
        boolean queued = entries.offer(entry);
        if (!queued) {
            try {
                queued = entries.offer(entry, FULL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!queued) {
            writer.writeNow(List.of(entry));
        } else if (entries.size() >= AuditWriter.BATCH) {
            writer.flushSoon();
        }
    }

    /** Moves up to {@code max} entries, oldest first, into {@code batch}; the number moved. */
    int drainTo(Collection<RecordedEvent> batch, int max) {
        return entries.drainTo(batch, max);
    }

    /**
     * Puts entries that could not be written back at the head of the queue, in their order, for the next attempt;
     * the number that did not fit (and so are lost, which the writer logs).
     */
    int putBack(List<RecordedEvent> batch) {
        int lost = 0;
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (!entries.offerFirst(batch.get(i))) {
                lost++;
            }
        }
        return lost;
    }

    public int size() {
        return entries.size();
    }
}
