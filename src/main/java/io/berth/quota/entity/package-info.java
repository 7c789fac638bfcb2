/**
 * What a project's storage quota is: the {@link io.berth.quota.entity.Quota} row with its hard limit and usage,
 * the {@link io.berth.quota.entity.StorageLimit} rule for a valid limit, and the
 * {@link io.berth.quota.entity.QuotaExceeded} refusal in Harbor's words. No behaviour here needs a container.
 */
package io.berth.quota.entity;
