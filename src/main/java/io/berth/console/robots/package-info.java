/**
 * What the two robot-account pages share ({@code src/main/webapp/console/robots/}): the list with its row actions,
 * the wizard (basic information, system permissions, project permissions), the dialog that shows a secret once, and
 * the refresh and delete confirmations. {@link io.berth.console.robots.RobotAccounts} is the common bean behind the
 * project tab ({@code io.berth.console.projects.ProjectRobots}) and the administrators' page
 * ({@code io.berth.console.admin.SystemRobots}).
 * <p>
 * Everything goes through {@link io.berth.rbac.boundary.robots.Robots} with the request's caller; a secret enters
 * only from its create and refresh answers and leaves the bean when its dialog closes.
 */
package io.berth.console.robots;
