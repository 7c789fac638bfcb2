/**
 * Blob bytes: the {@link io.berth.storage.spi.StorageDriver} SPI with its contract, and the drivers behind it
 * ({@code filesystem}, the default; {@code inmemory}, for tests). Paths and streams enter, bytes leave; what a path
 * means (digests, uploads) is the registry's business.
 * <p>
 * The bottom of the capability graph: this package uses nothing else of Berth, and every capability may use it.
 */
package io.berth.storage;
