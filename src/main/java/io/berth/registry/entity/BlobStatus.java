package io.berth.registry.entity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Garbage-collection state of a blob, Harbor's state machine ({@code src/pkg/blob/models/blob.go}):
 * <pre>
 *            touch (HEAD, mount, push, upload)
 *   NONE ◀─────────────────────────────── DELETE
 *    │ ▲                                   ▲  │
 *    │ └── upload of fresh bytes ──┐  mark │  │ sweep
 *    └────────── mark ─────────────┼───────┘  ▼
 *                                  │       DELETING ──bytes and row removed──▶ (gone)
 *                                  │          │
 *                           DELETE_FAILED ◀───┘ store refused
 *                                  │
 *                                  └── next sweep ──▶ DELETING
 * </pre>
 * Transitions, all made by conditional UPDATEs ({@code ... WHERE status IN (...)}) so that two parties
 * racing on one row cannot both win:
 * <ul>
 *   <li>NONE → DELETE: GC's mark, for a blob no artifact references and older than the grace window.</li>
 *   <li>DELETE → NONE: a client relies on the blob again (HEAD, mount, manifest push, upload); also NONE → NONE,
 *       which restarts the grace window.</li>
 *   <li>DELETE, DELETE_FAILED → DELETING: GC's sweep, in the transaction that re-checks nothing references it.</li>
 *   <li>DELETING → DELETE_FAILED: the store refused to delete the bytes; the next sweep tries again.</li>
 *   <li>DELETE_FAILED → NONE: an upload has just written the bytes again.</li>
 *   <li>DELETING → gone: the bytes are deleted, then the row.</li>
 * </ul>
 * A blob in DELETING or DELETE_FAILED is absent to clients (404 BLOB_UNKNOWN), so they upload it again;
 * an upload of a blob in DELETING waits until GC is done with it.
 */
public enum BlobStatus {
    NONE,
    DELETE,
    DELETING,
    DELETE_FAILED;

    private static final Map<BlobStatus, Set<BlobStatus>> NEXT = Map.of(
            NONE, EnumSet.of(NONE, DELETE),
            DELETE, EnumSet.of(NONE, DELETING),
            DELETING, EnumSet.of(DELETE_FAILED),
            DELETE_FAILED, EnumSet.of(NONE, DELETING));

    /** Whether the registry may serve or reference a blob in this state. */
    public boolean isUsable() {
        return this == NONE || this == DELETE;
    }

    /** Whether the state machine allows going from this state to {@code next}. */
    public boolean canBecome(BlobStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The states from which a transition to {@code next} is allowed, for the WHERE clause of a conditional UPDATE. */
    public static Set<BlobStatus> before(BlobStatus next) {
        Set<BlobStatus> from = EnumSet.noneOf(BlobStatus.class);
        for (BlobStatus status : values()) {
            if (status.canBecome(next)) {
                from.add(status);
            }
        }
        return from;
    }
}
