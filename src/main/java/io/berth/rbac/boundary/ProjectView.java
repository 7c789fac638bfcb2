package io.berth.rbac.boundary;

import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Harbor's {@code Project} as the API returns it, for one caller: {@code current_user_role_id} is the strongest
 * role the caller holds in it (directly or through groups) and {@code current_user_role_ids} all of them; both
 * are left out when it holds none (anonymous callers, non-members of a public project, administrators who are
 * not members).
 */
public record ProjectView(long projectId, Long ownerId, String name, long registryId, Instant creationTime,
        Instant updateTime, boolean deleted, String ownerName, boolean togglable, Integer currentUserRoleId,
        List<Integer> currentUserRoleIds, long repoCount, Map<String, String> metadata) {

    public static ProjectView of(Project project, long repoCount, String ownerName, Set<Role> roles) {
        Integer strongest = Role.strongest(roles).map(Role::id).orElse(null);
        List<Integer> ids = roles.isEmpty() ? null : roles.stream().map(Role::id).sorted().toList();
        return new ProjectView(project.id(), project.ownerId(), project.name(), 0, project.creationTime(),
                project.updateTime(), false, ownerName, true, strongest, ids, repoCount, project.metadata());
    }
}
