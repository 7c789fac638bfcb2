package io.berth.registry.boundary.api;

import io.berth.registry.entity.Repository;
import java.time.Instant;

/** Harbor's {@code Repository}: the full name ({@code project/repo}), counts and times. */
public record RepositoryView(long id, long projectId, String name, String description, long artifactCount,
        long pullCount, Instant creationTime, Instant updateTime) {

    static RepositoryView of(Repository repository, long artifactCount) {
        return new RepositoryView(repository.id(), repository.projectId(), repository.name(),
                repository.description() == null ? "" : repository.description(), artifactCount,
                repository.pullCount(), repository.creationTime(), repository.updateTime());
    }
}
