package io.berth.registry.boundary.api;

/** The body of {@code POST .../artifacts/{reference}/tags}: Harbor's {@code Tag}, of which only the name counts. */
public record TagRequest(String name) {
}
