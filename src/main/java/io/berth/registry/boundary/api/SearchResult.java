package io.berth.registry.boundary.api;

import io.berth.rbac.boundary.ProjectView;
import java.time.Instant;
import java.util.List;

/**
 * Harbor's {@code Search}: matching projects and repositories, and Berth's matching tags (Harbor cannot search
 * tags; its clients ignore the extra {@code tag} list).
 */
public record SearchResult(List<ProjectView> project, List<SearchRepository> repository, List<SearchTag> tag) {

    /** Harbor's {@code SearchRepository}. */
    public record SearchRepository(long projectId, String projectName, boolean projectPublic, String repositoryName,
            long pullCount, long artifactCount) {
    }

    /**
     * A tag whose name matches: its repository ({@code repository_name} is the full name, project included, as in
     * {@link SearchRepository}), the digest it points to and when it was pushed.
     */
    public record SearchTag(long projectId, String projectName, boolean projectPublic, String repositoryName,
            String name, String digest, Instant pushTime) {
    }
}
