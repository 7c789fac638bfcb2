/**
 * The composition roots, at the top of the capability graph: the three JAX-RS applications that say which
 * resources answer under {@code /api/v2.0} ({@link io.berth.app.ApiApplication}), {@code /v2}
 * ({@link io.berth.app.RegistryApplication}) and {@code /service} ({@link io.berth.app.TokenApplication}), and
 * {@code /systeminfo}, which reports on several capabilities at once.
 * <p>
 * Each application lists its classes explicitly so that one URL space's error mappers never answer for another.
 * Nothing below imports this package; {@code ARCHITECTURE.md} draws the layering it sits on.
 */
package io.berth.app;
