package io.berth.rbac.boundary;

/**
 * Harbor's {@code ProjectMember}: a role and exactly one of a user (by {@code user_id} or {@code username}) or a
 * group (by {@code id}, {@code ldap_group_dn}, or {@code group_name} with {@code group_type}).
 */
public record MemberRequest(Integer roleId, UserRef memberUser, GroupRef memberGroup) {

    /** Harbor's {@code UserEntity}. */
    public record UserRef(Long userId, String username) {
    }

    /** Harbor's {@code UserGroup} as a member reference. */
    public record GroupRef(Long id, String groupName, Integer groupType, String ldapGroupDn) {
    }
}
