/**
 * How a run works: {@code GcRunner} drives one run (claim, mark, sweep, purge, record), {@code BlobSweeps}
 * holds the transactional steps that move blobs through their states, {@code ProjectLinks} removes projects' links
 * to blobs they no longer reference (with their quota usage), {@code UploadPurges} removes abandoned
 * uploads, {@code Executions} and {@code GcLog} write history and log, {@code GcSettings} reads the grace
 * window and upload age from configuration.
 */
package io.berth.gc.control;
