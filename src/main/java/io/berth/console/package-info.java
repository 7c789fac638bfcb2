/**
 * The web console: Jakarta Faces pages with PrimeFaces and OmniFaces, at {@code /console/...} ({@code /} leads
 * there), in the same WAR and the same session as the REST API.
 * <p>
 * One sub-package per console area mirrors the page folders under {@code src/main/webapp/console/}
 * ({@code projects.ProjectList} drives {@code console/projects/list.xhtml}). Backing beans hold view state and call
 * the boundary facades of the capabilities with the caller of the request, exactly as the REST API's resources do:
 * no business rule and no permission check lives here, and hiding a button is never the authorisation. The
 * console sits at the top of the capability graph (see {@code ARCHITECTURE.md}); nothing imports it.
 */
package io.berth.console;
