package io.berth.rbac.boundary;

/**
 * Harbor's {@code ProjectSummary}, without quota and proxy-cache registry (not there yet). The member counts are
 * given only to callers who may list the members, as in Harbor; otherwise they are left out.
 */
public record ProjectSummary(long repoCount, Integer projectAdminCount, Integer maintainerCount,
        Integer developerCount, Integer guestCount, Integer limitedGuestCount) {
}
