/**
 * The storage service-provider interface: the narrow contract every blob and metadata backend
 * of Berth implements, modelled on distribution/distribution's {@code storagedriver.go}.
 * Callers hand in '/'-separated relative paths (validated by {@link io.berth.storage.spi.StoragePaths})
 * and bytes, streams or {@link io.berth.storage.spi.FileWriter}s; what comes back is content,
 * {@link io.berth.storage.spi.FileInfo} records, or one of the {@link io.berth.storage.spi.StorageException}
 * subtypes. Nothing here knows about OCI, repositories or digests; the registry layer maps those onto
 * paths. {@link io.berth.storage.spi.StorageDriverFactory} turns the configured driver name into an instance.
 */
package io.berth.storage.spi;
