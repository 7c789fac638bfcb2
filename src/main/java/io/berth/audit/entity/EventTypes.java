package io.berth.audit.entity;

import java.util.List;

/**
 * The event types ({@code <operation>_<resource type>}, Harbor's spelling) that Berth records, for
 * {@code GET /auditlog-exts/events} and for purges limited to some types. Kept as data so that a test can check
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
            "grant_token");

    private EventTypes() {
    }
}
