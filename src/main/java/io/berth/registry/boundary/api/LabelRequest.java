package io.berth.registry.boundary.api;

/**
 * The body of {@code POST/PUT /labels} (Harbor's {@code Label}), and of {@code POST .../artifacts/{r}/labels},
 * where only {@code id} counts. Scope and project are fixed at creation.
 */
public record LabelRequest(Long id, String name, String description, String color, String scope, Long projectId) {
}
