/**
 * The HTTP face of the OCI Distribution API 1.1 under {@code /v2/}: one JAX-RS resource per OCI resource
 * (blobs, uploads, manifests, tags, catalog, referrers), each thin: it parses path and headers into value
 * objects, calls one facade of {@code io.berth.registry.boundary}, and builds the response with the headers
 * clients rely on ({@code Location}, {@code Range}, {@code Docker-Content-Digest}, {@code Docker-Upload-UUID}).
 * <p>
 * Resources are application-scoped: they hold no request state (everything arrives as method parameters), and
 * one instance per application spares every request the construction and injection of a new one.
 * <p>
 * Errors leave as {@link io.berth.registry.entity.RegistryException}s and are rendered once, as
 * {@code {"errors":[...]}}, by {@link io.berth.registry.boundary.oci.OciErrorMapper}. Who may call is decided
 * before JAX-RS runs, by the authentication filter of {@code io.berth.auth}; {@link
 * io.berth.registry.boundary.oci.AuthorizedRoute} checks that the resource JAX-RS chose serves the repository that
 * filter authorised.
 */
package io.berth.registry.boundary.oci;
