package io.berth.rbac.control;

import io.berth.platform.api.ApiException;
import io.berth.rbac.entity.Robot;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code q} and {@code sort} of {@code GET /robots}: {@code name} (exact, or {@code ~} contains),
 * {@code level} and {@code project_id} (exact), also in Harbor's spelling {@code Level} and {@code ProjectID}
 * that its console sends ({@code q=Level=project,ProjectID=3}). Any other key is a 400 ({@link ListQuery}), so
 * nobody filters on a secret hash.
 */
public record RobotFilter(ListQuery.Match name, String level, Long projectId, List<ListQuery.Order> sort) {

    static final Set<String> FILTER_KEYS = Set.of("name", "level", "Level", "project_id", "ProjectID");
    public static final Map<String, String> SORT_COLUMNS = Map.of("id", "r.id", "name", "r.name",
            "creation_time", "r.creationTime", "update_time", "r.updateTime");

    public static RobotFilter parse(String q, String sort) {
        ListQuery query = ListQuery.parse(q, sort, FILTER_KEYS, SORT_COLUMNS.keySet());
        Map<String, ListQuery.Match> filters = query.filters();
        String level = exact(filters, "level", "Level");
        if (level != null) {
            RequestedGrants.level(level);
        }
        String project = exact(filters, "project_id", "ProjectID");
        Long projectId = null;
        if (project != null) {
            if (!project.matches("\\d{1,18}")) {
                throw ApiException.badRequest("project_id must be a project id");
            }
            projectId = Long.parseLong(project);
            if (Robot.LEVEL_SYSTEM.equals(level)) {
                throw ApiException.badRequest("system robot accounts belong to no project; leave out project_id");
            }
        }
        ListQuery.Match name = filters.get("name");
        if (name != null && name.value().isEmpty()) {
            name = null;
        }
        return new RobotFilter(name, level, projectId, query.sort());
    }

    /** The value of a key given in one of its two spellings; 400 for both at once or a fuzzy match. */
    private static String exact(Map<String, ListQuery.Match> filters, String key, String harborKey) {
        ListQuery.Match match = filters.get(key);
        ListQuery.Match harbor = filters.get(harborKey);
        if (match != null && harbor != null) {
            throw ApiException.badRequest("give %s or %s, not both", key, harborKey);
        }
        ListQuery.Match found = match != null ? match : harbor;
        if (found == null) {
            return null;
        }
        if (found.fuzzy()) {
            throw ApiException.badRequest("%s matches exactly; ~ is not supported for it", key);
        }
        return found.value();
    }
}
