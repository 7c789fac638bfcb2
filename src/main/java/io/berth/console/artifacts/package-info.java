/**
 * The artifact page ({@code src/main/webapp/console/artifacts/}): tags, annotations and the image configuration's
 * summary, the layers with their sizes and the build history ({@code Artifacts.contents}, read from the store), an
 * index's platforms and the accessories. It uses {@code PullCommands} and {@code Formats} of the repository page.
 */
package io.berth.console.artifacts;
