/**
 * What every background job needs, whatever it does: a cluster-wide claim so one node runs a job at a time
 * ({@code job_lease}, taken by a conditional UPDATE and kept alive by a heartbeat), and schedules stored in the
 * database with Harbor's schedule types and 6-field cron ({@code job_schedule}).
 * <p>
 * Garbage collection ({@code io.berth.gc}) and the audit purge ({@code io.berth.audit}) use it; replication is
 * meant to follow. Nothing here knows what a job does.
 * <p>
 * Uses nothing else of Berth today; it sits on the level above {@code io.berth.platform}, which it may use.
 */
package io.berth.jobs;
