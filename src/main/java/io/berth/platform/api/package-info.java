/**
 * The conventions every resource of the Harbor-compatible REST API ({@code /api/v2.0}) shares: the error shape {@code {"errors":[{"code","message"}]}} with Harbor's codes,
 * snake_case JSON, {@code X-Request-Id} on every response, paging ({@link io.berth.platform.api.Listing}, {@link io.berth.platform.api.PageRequest}) and its
 * headers, strict JSON bodies ({@link io.berth.platform.api.JsonBodies}), and the {@code q}/{@code sort} language ({@link io.berth.platform.api.ListQuery}) with its
 * translation to JPA criteria on a per-resource allow-list ({@link io.berth.platform.api.QueryFields}).
 * <p>
 * Capabilities contribute resources (listed by {@code io.berth.app.ApiApplication}); they throw {@link io.berth.platform.api.ApiException} and return
 * records, and this package turns both into Harbor's wire format.
 */
package io.berth.platform.api;
