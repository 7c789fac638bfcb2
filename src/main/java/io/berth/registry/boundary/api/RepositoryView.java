package io.berth.registry.boundary.api;

import io.berth.registry.entity.Repository;
import java.time.Instant;

/** Harbor's {@code Repository}: the full name ({@code project/repo}), counts and times. */
public record RepositoryView(long id, long projectId, String name, String description, long artifactCount,
        long pullCount, Instant creationTime, Instant updateTime) {

    /** @param pullCount the repository's pulls, those this node has not flushed yet included */
    static RepositoryView of(Repository repository, long artifactCount, long pullCount) {
        return new RepositoryView(repository.id(), repository.projectId(), repository.name(),
                repository.description() == null ? "" : repository.description(), artifactCount,
                pullCount, repository.creationTime(), repository.updateTime());
    }
}
