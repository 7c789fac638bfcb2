package io.berth.registry.boundary.api;

/** The body of {@code PUT /projects/{p}/repositories/{r}}: only the description can change, as in Harbor. */
public record RepositoryRequest(String description) {
}
