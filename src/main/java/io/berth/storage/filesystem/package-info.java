/**
 * The production storage driver: every storage path maps to a plain file or directory below one root
 * directory, so operators can inspect, back up and restore the store with ordinary tools.
 * Atomicity comes from POSIX rename: {@code putContent} and subtree deletes go through scratch files in
 * {@code <root>/_tmp}, which must therefore be on the same filesystem as the rest of the root.
 * Blob bytes flow in through streaming {@link io.berth.storage.spi.FileWriter}s and out through
 * {@code FileChannel} reads, never buffered whole on the heap.
 */
package io.berth.storage.filesystem;
