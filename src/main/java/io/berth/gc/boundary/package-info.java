/**
 * Harbor's garbage-collection API ({@code /api/v2.0/system/gc}, {@code /{id}}, {@code /{id}/log},
 * {@code /schedule}) for system administrators, the {@code GarbageCollection} facade behind it, which decides who
 * may on every call (the API and the web console's page share it), and the timer that fires stored schedules and
 * clears runs whose node died.
 */
package io.berth.gc.boundary;
