/**
 * How entries are made, stored, found and purged. {@code AuditRecorder} observes {@code AuditEvent}s on the firing
 * thread, drops the types an administrator disabled ({@code DisabledEventTypes}) and completes the rest (caller,
 * {@code RequestOrigin}, time); {@code AuditQueue} holds them, bounded; {@code AuditWriter} writes them in JDBC
 * batches every second and at shutdown, and hands them to {@code SyslogForwarder} when forwarding is on.
 * {@code AuditSearch} answers queries (Harbor's q via {@code platform.api.QueryFields}); {@code PurgeRunner}/{@code PurgeSteps}
 * delete old entries chunk by chunk, one purge at a time in the cluster (a {@code io.berth.jobs} lease).
 */
package io.berth.audit.control;
