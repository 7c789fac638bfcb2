/**
 * Plumbing with no business meaning: the JAX-RS applications, the configuration every capability
 * reads, the datasource that follows that configuration, schema migration at start-up and the health checks.
 * <p>
 * Configuration enters through MicroProfile Config (system properties, environment variables such as
 * {@code BERTH_DATA_DIR}, or the WAR's embedded defaults); the rest of Berth receives it as the typed
 * {@link io.berth.platform.BerthConfig}. Nothing here knows about registries, projects or users.
 */
package io.berth.platform;
