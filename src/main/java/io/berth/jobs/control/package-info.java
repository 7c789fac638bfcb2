/**
 * The database side of the job machinery: {@code Leases} (claim, renew, release, take over an expired claim)
 * and {@code Schedules} (store a schedule, claim a due occurrence so it fires on one node only).
 * Every method is its own short transaction.
 */
package io.berth.jobs.control;
