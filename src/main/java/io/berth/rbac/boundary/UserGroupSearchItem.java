package io.berth.rbac.boundary;

/** Harbor's {@code UserGroupSearchItem}: what anyone signed in may learn about a group. */
public record UserGroupSearchItem(long id, String groupName, int groupType) {
}
