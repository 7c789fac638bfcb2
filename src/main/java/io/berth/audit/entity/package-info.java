/**
 * What the audit trail records. The CDI event every capability fires is {@link io.berth.events.AuditEvent}, in
 * {@code io.berth.events} so that capabilities below the audit trail may fire it;
 * {@link io.berth.audit.entity.AuditEntry} is the stored row, and
 * {@link io.berth.audit.entity.PurgeExecution} holds purge runs (their schedule and cluster-wide claim are
 * {@code io.berth.jobs}' rows).
 * <p>
 * Firing an event, from any facade or resource:
 * <pre>
 * &#64;Inject Event&lt;AuditEvent&gt; audit;
 * audit.fire(AuditEvent.of(Operation.DELETE, ResourceType.TAG, "library/app:v1").inProject("library"));
 * audit.fire(AuditEvent.of(Operation.UPDATE, ResourceType.QUOTA, "library").inProject(projectId, "library"));
 * </pre>
 * Fired inside a transaction, the entry is written once it ends, with {@code operation_result} false if it rolled
 * back; outside one it is recorded as fired. {@code resource} names a thing, never a request body or a secret.
 */
package io.berth.audit.entity;
