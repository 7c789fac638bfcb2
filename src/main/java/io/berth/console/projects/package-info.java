/**
 * The projects list and the project page with its tabs (summary, repositories, members, labels, robot accounts,
 * logs, configuration): {@code src/main/webapp/console/projects/}. Everything goes through the project, member,
 * robot, label, quota and audit facades with the request's caller.
 */
package io.berth.console.projects;
