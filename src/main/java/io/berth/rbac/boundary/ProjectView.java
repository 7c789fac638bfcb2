package io.berth.rbac.boundary;

import io.berth.rbac.entity.Project;
import java.time.Instant;
import java.util.Map;

/** Harbor's {@code Project} as the API returns it. */
public record ProjectView(long projectId, Long ownerId, String name, long registryId, Instant creationTime,
        Instant updateTime, boolean deleted, String ownerName, boolean togglable, long repoCount,
        Map<String, String> metadata) {

    static ProjectView of(Project project, long repoCount) {
        // Owner name joins with the identity issue (users); until then only the id is known, if any.
        return new ProjectView(project.id(), project.ownerId(), project.name(), 0,
                project.creationTime(), project.updateTime(), false, null, true, repoCount, project.metadata());
    }
}
