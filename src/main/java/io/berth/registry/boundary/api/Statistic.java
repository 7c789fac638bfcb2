package io.berth.registry.boundary.api;

/**
 * Harbor's {@code Statistic}. Private counts cover the private projects the caller is a member of (all of them
 * for administrators); {@code total_storage_consumption} is only given to administrators, as in Harbor.
 */
public record Statistic(long privateProjectCount, long privateRepoCount, long publicProjectCount, long publicRepoCount,
        long totalProjectCount, long totalRepoCount, Long totalStorageConsumption) {
}
