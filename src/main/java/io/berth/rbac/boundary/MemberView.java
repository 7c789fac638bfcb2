package io.berth.rbac.boundary;

import io.berth.rbac.entity.Member;

/** Harbor's {@code ProjectMemberEntity}. {@code entity_type} is {@code u} (user) or {@code g} (group). */
public record MemberView(long id, long projectId, String entityName, String roleName, int roleId, long entityId,
        String entityType) {

    static MemberView of(Member member, String entityName) {
        return new MemberView(member.id(), member.projectId(), entityName, member.role().harborName(),
                member.role().id(), member.entityId(), member.entityType());
    }
}
