package io.berth.registry.boundary.api;

import io.berth.rbac.boundary.ProjectView;
import java.util.List;

/** Harbor's {@code Search}: matching projects and repositories. */
public record SearchResult(List<ProjectView> project, List<SearchRepository> repository) {

    /** Harbor's {@code SearchRepository}. */
    public record SearchRepository(long projectId, String projectName, boolean projectPublic, String repositoryName,
            long pullCount, long artifactCount) {
    }
}
