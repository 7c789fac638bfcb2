package io.berth.rbac.boundary;

import io.berth.rbac.entity.UserGroup;

/** Harbor's {@code UserGroup}, as read and as written ({@code id} is ignored on input). */
public record UserGroupView(Long id, String groupName, Integer groupType, String ldapGroupDn) {

    static UserGroupView of(UserGroup group) {
        return new UserGroupView(group.id(), group.name(), group.type(), group.ldapGroupDn());
    }
}
