package io.berth.rbac.boundary;

import io.berth.rbac.control.ProjectQuotas;
import java.util.Map;

/**
 * Harbor's {@code ProjectSummary}, without the proxy-cache registry (not there yet). The member counts are given
 * only to callers who may list the members, and the quota only to those who may read it, as in Harbor; otherwise
 * they are left out.
 */
public record ProjectSummary(long repoCount, Integer projectAdminCount, Integer maintainerCount,
        Integer developerCount, Integer guestCount, Integer limitedGuestCount, Quota quota) {

    /** Harbor's {@code ProjectSummaryQuota}: {@code {"hard":{"storage":n},"used":{"storage":n}}}, in bytes. */
    public record Quota(Map<String, Long> hard, Map<String, Long> used) {

        static Quota of(ProjectQuotas.Storage storage) {
            return new Quota(Map.of("storage", storage.hard()), Map.of("storage", storage.used()));
        }
    }
}
