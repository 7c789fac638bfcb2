package io.berth.rbac.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What robots may hold: Harbor's NolimitProvider sets, without robot:update and system configuration. */
class RobotPermissionsTest {

    @Test
    void projectScopeIsTheProjectAdminsRowWithoutRobotUpdate() {
        Set<Permission> expected = new HashSet<>(RolePermissions.projectPermissions());
        expected.remove(Permission.of(Resource.ROBOT, Action.UPDATE));
        assertEquals(expected, RobotPermissions.PROJECT);
        for (Action action : new Action[] {Action.CREATE, Action.READ, Action.UPDATE, Action.DELETE, Action.LIST}) {
            assertTrue(RobotPermissions.grantable("project", Permission.of(Resource.MEMBER, action)), "member " + action);
        }
        assertTrue(RobotPermissions.grantable("project", Permission.of(Resource.ROBOT, Action.CREATE)));
    }

    @Test
    void systemScopeIsHarborsPoliciesPlusManagementButNeverConfigurationOrRobotUpdate() {
        assertFalse(RobotPermissions.grantable("system", Permission.of(Resource.ROBOT, Action.UPDATE)));
        assertFalse(RobotPermissions.grantable("system", Permission.of(Resource.CONFIGURATION, Action.READ)));
        assertFalse(RobotPermissions.grantable("system", Permission.of(Resource.CONFIGURATION, Action.UPDATE)));
        assertFalse(RobotPermissions.grantable("system", Permission.of(Resource.REPOSITORY, Action.PULL)));
        for (String granted : new String[] {"registry:create", "replication-policy:update", "garbage-collection:stop",
                "catalog:read", "project:create", "robot:create", "robot:delete", "user:create", "user-group:delete",
                "ldap-user:create", "quota:update", "export-cve:read", "audit-log:list"}) {
            String[] parts = granted.split(":");
            Optional<Permission> permission = RobotPermissions.parse("system", parts[0], parts[1]);
            assertTrue(permission.isPresent() && RobotPermissions.grantable("system", permission.get()), granted);
        }
        // The catalogue of GET /permissions does not list system robot management (yet); everything else must be there.
        assertTrue(RobotPermissions.SYSTEM.stream().filter(p -> p.resource() != Resource.ROBOT)
                .allMatch(PermissionCatalog.SYSTEM::contains), "only permissions Berth knows");
    }

    @Test
    void theProjectItselfIsSpelledProjectOnTheWire() {
        Permission read = RobotPermissions.parse("project", "project", "read").orElseThrow();
        assertEquals(Permission.of(Resource.PROJECT_SELF, Action.READ), read);
        assertEquals(read, RobotPermissions.parse("project", "", "read").orElseThrow());
        assertEquals("project", RobotPermissions.wireResource("project", read));
        assertEquals(Permission.of(Resource.PROJECT, Action.CREATE), RobotPermissions.parse("system", "project", "create").orElseThrow());
        assertTrue(RobotPermissions.parse("project", "repository", "fly").isEmpty());
        assertTrue(RobotPermissions.parse("project", "chart", "read").isEmpty());
        assertTrue(RobotPermissions.parse("project", null, "read").isEmpty());
    }
}
