/**
 * A heap-only storage driver for tests and throwaway instances: objects live in a sorted concurrent map
 * keyed by storage path, and directories exist only as prefixes of those keys. It obeys the same SPI
 * contract as the filesystem driver (the shared contract test runs against both), so code tested
 * against it behaves the same in production. Nothing is persisted; all content is lost with the instance.
 */
package io.berth.storage.inmemory;
