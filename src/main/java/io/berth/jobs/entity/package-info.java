/**
 * Values of the job machinery: cron expressions, schedule types and the stored schedule. Plain data, no
 * database access of their own beyond the JPA mapping.
 */
package io.berth.jobs.entity;
