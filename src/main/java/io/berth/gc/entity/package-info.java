/**
 * A garbage-collection run as the database keeps it ({@code GcExecution}, its log lines), its status and
 * trigger, and the parameters a run accepts ({@code GcParameters}, Harbor's {@code dry_run},
 * {@code delete_untagged} and {@code workers}).
 */
package io.berth.gc.entity;
