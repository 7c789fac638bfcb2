/**
 * Role-based access: projects (the namespaces repositories live in), and later users, groups, members,
 * robot accounts and the permission table.
 * <p>
 * The registry reads projects from here to resolve the first component of a repository name; the
 * Harbor-compatible project API in {@code boundary} creates and lists them.
 */
package io.berth.rbac;
