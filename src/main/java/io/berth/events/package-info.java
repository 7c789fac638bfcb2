/**
 * The CDI events that cross capabilities: how a lower capability lets a higher one hear about something without
 * importing it. Every capability may fire them; the capabilities that care observe them.
 * <p>
 * {@link io.berth.events.AuditEvent} (with {@link io.berth.events.Operation} and {@link io.berth.events.ResourceType})
 * is fired wherever an operation happens and recorded by {@code io.berth.audit}; {@link io.berth.events.UserChanged},
 * {@link io.berth.events.RobotChanged} and {@link io.berth.events.ProjectChanged} are fired by {@code io.berth.rbac}
 * and observed after the commit by {@code io.berth.auth}, which forgets what it cached. The records carry names and
 * ids only, never entities or secrets, and this package imports nothing else of Berth.
 */
package io.berth.events;
