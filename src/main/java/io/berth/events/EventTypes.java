package io.berth.events;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The event types ({@code <operation>_<resource type>}, Harbor's spelling) that Berth records, for
 * {@code GET /auditlog-exts/events}, for purges limited to some types and for the types an administrator disables
 * ({@code disabled_audit_log_event_types}). Kept as data so that a test can check
 * every type the code fires is listed.
 */
public final class EventTypes {

    public static final List<String> ALL = List.of(
            "create_artifact", "delete_artifact", "pull_artifact",
            "create_tag", "delete_tag",
            "delete_repository", "update_repository",
            "create_project", "update_project", "delete_project",
            "create_project_member", "update_project_member", "delete_project_member",
            "create_user", "update_user", "delete_user", "login_user", "logout_user",
            "create_robot", "update_robot", "delete_robot",
            "create_label", "update_label", "delete_label",
            "update_quota",
            "update_configure",
            "create_garbage_collection", "update_garbage_collection",
            "create_purge_audit", "update_purge_audit",
            "grant_token");

    private EventTypes() {
    }

    /** The types of a comma-separated list, lower case, each once, in the order given; nothing checked. */
    public static Set<String> parseList(String list) {
        return Arrays.stream(list.split(",")).map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * A list as an administrator sends it, in its stored form: {@link #parseList} joined with commas, empty for none.
     *
     * @throws IllegalArgumentException naming the first type this class does not list
     */
    public static String checkList(String key, String list) {
        Set<String> types = parseList(list);
        for (String type : types) {
            if (!ALL.contains(type)) {
                throw new IllegalArgumentException(key + ": unknown event type " + type + "; known: " + String.join(", ", ALL));
            }
        }
        return String.join(",", types);
    }
}
