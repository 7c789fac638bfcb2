/**
 * OCI Distribution API ({@code /v2/}): manifests, blobs, chunked uploads, tags, catalog and referrers.
 * <p>
 * Resources in {@code boundary.oci} translate HTTP into calls on the {@code Manifests}, {@code Blobs},
 * {@code Uploads}, {@code Tags}, {@code Catalog} and {@code Referrers} facades; content bytes go through
 * {@link io.berth.storage.spi.StorageDriver}, metadata into JPA. Errors are
 * {@link io.berth.registry.entity.RegistryException}s rendered by {@code OciErrorMapper}. Projects, the
 * namespace of every repository, are read from {@code io.berth.rbac.entity}.
 * <p>
 * Uses {@code io.berth.rbac}, {@code io.berth.storage}, {@code io.berth.platform} and {@code io.berth.events}, never
 * authentication, the audit trail or quotas: the caller comes from {@code rbac.control.CallerContext}, audit entries
 * leave as {@code io.berth.events.AuditEvent}s, and quotas answer through the SPI {@code control.StorageQuota}.
 */
package io.berth.registry;
