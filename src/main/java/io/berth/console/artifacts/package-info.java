/**
 * The artifact page ({@code src/main/webapp/console/artifacts/}): tags, annotations and extra attributes, the
 * layers with their sizes and the build history from the image configuration.
 */
package io.berth.console.artifacts;
