/**
 * How a run works: {@code GcRunner} drives one run (claim, mark, sweep, purge, record), {@code BlobSweeps}
 * holds the transactional steps that move blobs through their states, {@code UploadPurges} removes abandoned
 * uploads, {@code Executions} and {@code GcLog} write history and log, {@code GcSettings} reads the grace
 * window and upload age from configuration.
 */
package io.berth.gc.control;
