/**
 * The audit trail: who did what to which resource, when, from where, and whether it worked.
 * <p>
 * Capabilities fire an {@link io.berth.events.AuditEvent} (one line where the operation happens); the
 * {@code control} package enriches it with the caller, client address, user agent and request id, queues it and
 * writes it in batches off the request thread, optionally forwarding it as RFC 5424 syslog. {@code boundary}
 * serves Harbor's {@code /audit-logs}, {@code /projects/{p}/logs}, a CSV export and the purge API
 * ({@code /system/purgeaudit}) with its timer.
 * <p>
 * Uses {@code io.berth.rbac}, {@code io.berth.jobs}, {@code io.berth.platform} and {@code io.berth.events}; no
 * capability imports it, they only fire events it observes.
 */
package io.berth.audit;
