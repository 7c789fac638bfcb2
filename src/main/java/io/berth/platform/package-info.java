/**
 * Plumbing with no business meaning: the configuration every capability reads, the datasource that follows that
 * configuration, schema migration at start-up, runtime settings, the health checks and (in {@code api}) the
 * conventions of the REST API.
 * <p>
 * Configuration enters through MicroProfile Config (system properties, environment variables such as
 * {@code BERTH_DATA_DIR}, or the WAR's embedded defaults); the rest of Berth receives it as the typed
 * {@link io.berth.platform.BerthConfig}. Nothing here knows about registries, projects or users: the package uses only
 * {@code io.berth.storage} (to check the store is ready), and every capability may use it.
 */
package io.berth.platform;
