/**
 * Harbor's configurations API ({@code GET/PUT /api/v2.0/configurations}) for the settings Berth honours: the
 * authentication mode, the LDAP settings, self-registration, project creation, token and robot lifetimes.
 * <p>
 * Requests enter as Harbor's {@code Configurations} JSON and are checked key by key against
 * {@link io.berth.auth.boundary.settings.ConfigurationItem}; values are stored through
 * {@link io.berth.platform.RuntimeSettings}, and leave as Harbor's {@code ConfigurationsResponse}
 * ({@code {"key":{"value":...,"editable":...}}}) with secrets left out. Only system administrators get in.
 */
package io.berth.auth.boundary.settings;
