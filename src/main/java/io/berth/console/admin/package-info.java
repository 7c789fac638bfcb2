/**
 * Administration, for system administrators: users, groups, system robot accounts, global labels, project quotas,
 * garbage collection, the audit log, log rotation and the configuration ({@code src/main/webapp/console/admin/}).
 * The facades refuse everyone else; the console only keeps the menu out of their sight.
 */
package io.berth.console.admin;
