package io.berth.rbac.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Walks the whole project permission table against Harbor's (v2.16, {@code rbac_role.go}), one expected
 * row per permission, so any drift from Harbor shows up as a named cell.
 */
class RolePermissionsTest {

    /** Columns: LIMITED_GUEST, GUEST, DEVELOPER, MAINTAINER, PROJECT_ADMIN. */
    private static final Map<String, String> HARBOR = new LinkedHashMap<>();

    static {
        row(":read", "11111");
        row(":update", "00001");
        row(":delete", "00001");
        row("member:read", "01111");
        row("member:list", "01111");
        row("member:create", "00001");
        row("member:update", "00001");
        row("member:delete", "00001");
        row("metadata:read", "00011");
        row("metadata:create", "00001");
        row("metadata:update", "00001");
        row("metadata:delete", "00001");
        row("log:list", "00001");
        row("label:read", "01111");
        row("label:list", "01111");
        row("label:create", "00011");
        row("label:update", "00011");
        row("label:delete", "00011");
        row("quota:read", "11111");
        row("repository:list", "11111");
        row("repository:pull", "11111");
        row("repository:read", "01111");
        row("repository:create", "00111");
        row("repository:update", "00111");
        row("repository:push", "00111");
        row("repository:delete", "00011");
        row("tag-retention:create", "00111");
        row("tag-retention:read", "00111");
        row("tag-retention:update", "00111");
        row("tag-retention:delete", "00111");
        row("tag-retention:list", "00111");
        row("tag-retention:operate", "00111");
        row("immutable-tag:create", "00011");
        row("immutable-tag:update", "00011");
        row("immutable-tag:delete", "00011");
        row("immutable-tag:list", "00011");
        row("configuration:read", "11111");
        row("configuration:update", "00001");
        row("robot:read", "01111");
        row("robot:list", "01111");
        row("robot:create", "00001");
        row("robot:update", "00001");
        row("robot:delete", "00001");
        row("notification-policy:read", "00011");
        row("notification-policy:list", "00011");
        row("notification-policy:create", "00001");
        row("notification-policy:update", "00001");
        row("notification-policy:delete", "00001");
        row("scan:read", "11111");
        row("scan:create", "00011");
        row("scan:stop", "00011");
        row("sbom:read", "11111");
        row("sbom:create", "00011");
        row("sbom:stop", "00011");
        row("scanner:read", "11111");
        row("scanner:create", "00001");
        row("artifact:read", "11111");
        row("artifact:list", "11111");
        row("artifact:create", "00111");
        row("artifact:delete", "00011");
        row("artifact-addition:read", "11111");
        row("tag:list", "11111");
        row("tag:create", "00111");
        row("tag:delete", "00011");
        row("accessory:list", "11111");
        row("artifact-label:create", "00111");
        row("artifact-label:delete", "00111");
        row("preheat-policy:create", "00001");
        row("preheat-policy:read", "00001");
        row("preheat-policy:update", "00001");
        row("preheat-policy:delete", "00001");
        row("preheat-policy:list", "00001");
        row("export-cve:create", "00111");
        row("export-cve:read", "00111");
        row("export-cve:list", "00111");
    }

    private static final Role[] COLUMNS = {Role.LIMITED_GUEST, Role.GUEST, Role.DEVELOPER, Role.MAINTAINER, Role.PROJECT_ADMIN};

    private static void row(String permission, String cells) {
        HARBOR.put(permission, cells);
    }

    @Test
    void everyCellMatchesHarbor() {
        List<String> mismatches = new ArrayList<>();
        HARBOR.forEach((permission, cells) -> {
            for (int i = 0; i < COLUMNS.length; i++) {
                boolean expected = cells.charAt(i) == '1';
                boolean actual = RolePermissions.allows(COLUMNS[i], parse(permission));
                if (expected != actual) {
                    mismatches.add(COLUMNS[i] + " " + permission + ": expected " + expected);
                }
            }
        });
        assertEquals(List.of(), mismatches);
    }

    @Test
    void theTableGrantsNothingHarborDoesNot() {
        for (Role role : Role.values()) {
            Set<String> granted = RolePermissions.of(role).stream().map(Permission::toString).collect(Collectors.toSet());
            Set<String> expected = HARBOR.entrySet().stream()
                    .filter(e -> e.getValue().charAt(List.of(COLUMNS).indexOf(role)) == '1')
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertEquals(expected, granted, "permissions of " + role);
        }
    }

    @Test
    void eachRoleIncludesEverythingOfTheRoleBelow() {
        for (int i = 1; i < COLUMNS.length; i++) {
            assertTrue(RolePermissions.of(COLUMNS[i]).containsAll(RolePermissions.of(COLUMNS[i - 1])),
                    COLUMNS[i] + " must include " + COLUMNS[i - 1]);
        }
    }

    @Test
    void publicProjectsLetAnyonePullButNotPush() {
        assertTrue(RolePermissions.PUBLIC_PROJECT.contains(Permission.of(Resource.REPOSITORY, Action.PULL)));
        assertFalse(RolePermissions.PUBLIC_PROJECT.contains(Permission.of(Resource.REPOSITORY, Action.PUSH)));
        assertFalse(RolePermissions.PUBLIC_PROJECT.contains(Permission.of(Resource.MEMBER, Action.LIST)));
    }

    @Test
    void harborRoleIdsAreKept() {
        assertEquals(Role.PROJECT_ADMIN, Role.ofId(1).orElseThrow());
        assertEquals(Role.DEVELOPER, Role.ofId(2).orElseThrow());
        assertEquals(Role.GUEST, Role.ofId(3).orElseThrow());
        assertEquals(Role.MAINTAINER, Role.ofId(4).orElseThrow());
        assertEquals(Role.LIMITED_GUEST, Role.ofId(5).orElseThrow());
    }

    private static Permission parse(String text) {
        int colon = text.indexOf(':');
        return Permission.of(Resource.ofValue(text.substring(0, colon)).orElseThrow(),
                Action.ofValue(text.substring(colon + 1)).orElseThrow());
    }
}
