/**
 * The quota ledger: one row per project, opened with the project, charged and released in the same transactions
 * that link blobs to and unlink them from projects. It implements the registry's
 * {@link io.berth.registry.control.StorageQuota} and the project API's {@link io.berth.rbac.control.ProjectQuotas},
 * so neither of those packages depends on this one.
 */
package io.berth.quota.control;
