/**
 * The audit trail's API and entry points, and the facades the web console shares with it ({@code AuditLogs},
 * {@code Purges}): {@code GET /audit-logs} (system administrators), {@code GET
 * /projects/{project_name}/logs} (Project Admins), {@code GET /audit-logs/export} (CSV, Berth's addition) and
 * Harbor's {@code /system/purgeaudit}, plus the servlet filter that records where each request comes from and the
 * timer that starts scheduled purges (their schedule stored and claimed through {@code io.berth.jobs}).
 */
package io.berth.audit.boundary;
