package io.berth.rbac.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The strongest role is by rights, not by Harbor's role id (Maintainer is 4 but above Developer, 2). */
class RoleTest {

    @Test
    void strongestRoleFollowsRightsNotIds() {
        assertEquals(Optional.of(Role.MAINTAINER), Role.strongest(EnumSet.of(Role.DEVELOPER, Role.MAINTAINER, Role.GUEST)));
        assertEquals(Optional.of(Role.PROJECT_ADMIN), Role.strongest(EnumSet.allOf(Role.class)));
        assertEquals(Optional.of(Role.GUEST), Role.strongest(EnumSet.of(Role.LIMITED_GUEST, Role.GUEST)));
        assertEquals(Optional.empty(), Role.strongest(EnumSet.noneOf(Role.class)));
    }

    @Test
    void everyPermissionAStrongerRoleNeedsIsInTheTable() {
        Role previous = null;
        for (Role role : new Role[] {Role.LIMITED_GUEST, Role.GUEST, Role.DEVELOPER, Role.MAINTAINER, Role.PROJECT_ADMIN}) {
            if (previous != null) {
                assertEquals(true, RolePermissions.of(role).containsAll(RolePermissions.of(previous)), role + " includes " + previous);
            }
            previous = role;
        }
        assertEquals(RolePermissions.projectPermissions().size(), PermissionCatalog.PROJECT.size());
    }
}
