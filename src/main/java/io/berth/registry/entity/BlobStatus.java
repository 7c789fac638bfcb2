package io.berth.registry.entity;

/**
 * Garbage-collection state of a blob, Harbor's state machine:
 * <pre>
 *   NONE ──mark──▶ DELETE ──sweep──▶ DELETING ──▶ (row and bytes removed)
 *    ▲               │                  │
 *    └────touch──────┘                  └──failure──▶ DELETE_FAILED
 * </pre>
 * A push, mount or HEAD that needs a blob in DELETE takes it back to NONE; a blob in DELETING or
 * DELETE_FAILED is treated as absent, so the client uploads it again.
 */
public enum BlobStatus {
    NONE,
    DELETE,
    DELETING,
    DELETE_FAILED;

    /** Whether the registry may serve or reference a blob in this state. */
    public boolean isUsable() {
        return this == NONE || this == DELETE;
    }
}
