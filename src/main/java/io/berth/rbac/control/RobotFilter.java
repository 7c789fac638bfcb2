package io.berth.rbac.control;

import io.berth.platform.api.ApiException;
import io.berth.platform.api.ListQuery;
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
public record RobotFilter(ListQuery.Condition name, String level, Long projectId, List<ListQuery.Order> sort) {

    static final Set<String> FILTER_KEYS = Set.of("name", "level", "Level", "project_id", "ProjectID");
    public static final Map<String, String> SORT_COLUMNS = Map.of("id", "id", "name", "name",
            "creation_time", "creationTime", "update_time", "updateTime");

    public static RobotFilter parse(String q, String sort) {
        ListQuery query = ListQuery.parse(q, sort, FILTER_KEYS, SORT_COLUMNS.keySet());
        Map<String, ListQuery.Condition> filters = query.filters();
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
        ListQuery.Condition name = filters.get("name");
        if (name instanceof ListQuery.Exact(String exact) && exact.isEmpty()
                || name instanceof ListQuery.Fuzzy(String fuzzy) && fuzzy.isEmpty()) {
            name = null;
        } else if (name != null && !(name instanceof ListQuery.Exact) && !(name instanceof ListQuery.Fuzzy)) {
            throw ApiException.badRequest("name matches exactly or with ~ only");
        }
        return new RobotFilter(name, level, projectId, query.sort());
    }

    /** The value of a key given in one of its two spellings; 400 for both at once or a fuzzy match. */
    private static String exact(Map<String, ListQuery.Condition> filters, String key, String harborKey) {
        ListQuery.Condition match = filters.get(key);
        ListQuery.Condition harbor = filters.get(harborKey);
        if (match != null && harbor != null) {
            throw ApiException.badRequest("give %s or %s, not both", key, harborKey);
        }
        ListQuery.Condition found = match != null ? match : harbor;
        if (found == null) {
            return null;
        }
        if (!(found instanceof ListQuery.Exact(String value))) {
            throw ApiException.badRequest("%s matches exactly; ~, ranges and lists are not supported for it", key);
        }
        return value;
    }
}
