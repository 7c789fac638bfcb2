/**
 * The registry's facades: what a pull, a push, a listing or a delete does, independent of HTTP.
 * <p>
 * Facades stream bytes between requests and the store without holding a transaction open, and call the
 * short transactional writers in {@code control} once bytes are verified. They take and return value
 * objects ({@code RepositoryName}, {@code Digest}, {@code BlobInfo}, {@code ManifestInfo}, {@code Page}).
 */
package io.berth.registry.boundary;
