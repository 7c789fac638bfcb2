/**
 * The conventions every resource of the Harbor-compatible REST API ({@code /api/v2.0}) shares: the JAX-RS
 * application that mounts them, the error shape {@code {"errors":[{"code","message"}]}} with Harbor's codes,
 * snake_case JSON, {@code X-Request-Id} on every response, paging headers, and the {@code q}/{@code sort} language ({@link io.berth.platform.api.ListQuery}) with its
 * translation to JPA criteria on a per-resource allow-list ({@link io.berth.platform.api.QueryFields}).
 * <p>
 * Capabilities contribute resources; they throw {@link io.berth.platform.api.ApiException} and return
 * records, and this package turns both into Harbor's wire format.
 */
package io.berth.platform.api;
