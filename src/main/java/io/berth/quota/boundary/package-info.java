/**
 * Harbor's quota API, {@code /api/v2.0/quotas}: list, read and change the storage limits of projects, for system
 * administrators. Requests enter through {@link io.berth.quota.boundary.QuotasResource} and the
 * {@link io.berth.quota.boundary.Quotas} facade; pushes are charged elsewhere, by
 * {@link io.berth.quota.control.QuotaLedger} inside the registry's transactions.
 */
package io.berth.quota.boundary;
