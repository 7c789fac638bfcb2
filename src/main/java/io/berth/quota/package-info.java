/**
 * Project storage quotas, as in Harbor: every project has a hard limit in bytes (-1 for none) and a usage, the
 * sizes of the blobs linked to it, each counted once. A push that would pass the limit is refused with
 * {@code 403 DENIED} and leaves nothing behind; administrators read and change quotas through {@code /quotas}, and
 * every project member sees the quota in the project summary.
 * <p>
 * Implements the registry's {@code StorageQuota} and rbac's {@code ProjectQuotas}; uses {@code io.berth.registry},
 * {@code io.berth.rbac}, {@code io.berth.platform} and {@code io.berth.events}.
 */
package io.berth.quota;
