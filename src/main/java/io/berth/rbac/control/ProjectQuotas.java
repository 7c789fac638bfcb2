package io.berth.rbac.control;

import io.berth.rbac.entity.Caller;
import java.util.Optional;

/**
 * The storage quota that comes with every project, as far as the project API needs it: created with the project,
 * shown in its summary. Implemented by {@code io.berth.quota}, which depends on this package; this interface keeps
 * the dependency one way (rbac never sees the quota package), as the registry's
 * {@code io.berth.registry.control.StorageQuota} does for pushes.
 */
public interface ProjectQuotas {

    /**
     * Creates the quota of a project just created, in the creating transaction. As in Harbor, only system
     * administrators choose the limit ({@code storage_limit}, -1 for none); everyone else's, and a missing or zero
     * one, is the {@code storage_per_project} setting.
     *
     * @throws io.berth.platform.api.ApiException 400 for a limit that is neither positive nor -1; the project is
     *         then not created either
     */
    void open(Caller creator, long projectId, Long requestedLimit);

    /** The hard limit and the usage of a project's storage, in bytes; empty for a project without a quota. */
    Optional<Storage> storage(long projectId);

    /** Bytes: {@code hard} -1 means unlimited. */
    record Storage(long hard, long used) {
    }
}
