package io.berth.rbac.entity;

import static io.berth.rbac.entity.Action.CREATE;
import static io.berth.rbac.entity.Action.DELETE;
import static io.berth.rbac.entity.Action.LIST;
import static io.berth.rbac.entity.Action.READ;
import static io.berth.rbac.entity.Action.STOP;
import static io.berth.rbac.entity.Action.UPDATE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every permission that exists, per scope, in a fixed order: what {@code GET /api/v2.0/permissions} lists and
 * what {@code GET /api/v2.0/users/current/permissions} filters. The project scope is the permission table's
 * top row (what a Project Admin holds); the system scope follows Harbor's system policies
 * ({@code src/common/rbac/system/policies.go}), which system administrators hold in full.
 */
public final class PermissionCatalog {

    /** Permissions in a project, in the table's order. */
    public static final List<Permission> PROJECT = List.copyOf(RolePermissions.projectPermissions());

    /** Permissions on the system (namespace {@code /system}). */
    public static final List<Permission> SYSTEM = Collections.unmodifiableList(system());

    private PermissionCatalog() {
    }

    private static List<Permission> system() {
        List<Permission> all = new ArrayList<>();
        add(all, Resource.AUDIT_LOG, LIST);
        add(all, Resource.CATALOG, READ);
        add(all, Resource.PROJECT, CREATE, READ, UPDATE, DELETE, LIST);
        add(all, Resource.USER, CREATE, READ, UPDATE, DELETE, LIST);
        add(all, Resource.USER_GROUP, CREATE, READ, UPDATE, DELETE, LIST);
        add(all, Resource.LDAP_USER, CREATE, LIST);
        add(all, Resource.REGISTRY, CREATE, READ, UPDATE, DELETE, LIST);
        add(all, Resource.REPLICATION, CREATE, READ, UPDATE, DELETE, LIST);
        add(all, Resource.REPLICATION_POLICY, CREATE, READ, UPDATE, DELETE, LIST);
        add(all, Resource.REPLICATION_ADAPTER, LIST);
        add(all, Resource.GARBAGE_COLLECTION, CREATE, READ, UPDATE, DELETE, LIST, STOP);
        add(all, Resource.PURGE_AUDIT, CREATE, READ, UPDATE, DELETE, LIST, STOP);
        add(all, Resource.SCAN_ALL, CREATE, READ, UPDATE, DELETE, LIST, STOP);
        add(all, Resource.SCANNER, CREATE, READ, UPDATE, DELETE, LIST);
        add(all, Resource.LABEL, CREATE, READ, UPDATE, DELETE, LIST);
        add(all, Resource.PREHEAT_INSTANCE, CREATE, READ, UPDATE, DELETE, LIST);
        add(all, Resource.QUOTA, READ, UPDATE, LIST);
        add(all, Resource.CONFIGURATION, READ, UPDATE);
        add(all, Resource.SYSTEM_VOLUMES, READ);
        add(all, Resource.SYSTEM_CVE_ALLOWLIST, READ, UPDATE);
        add(all, Resource.SECURITY_HUB, READ, LIST);
        add(all, Resource.JOBSERVICE_MONITOR, LIST, STOP);
        add(all, Resource.EXPORT_CVE, CREATE, READ);
        return all;
    }

    private static void add(List<Permission> all, Resource resource, Action... actions) {
        for (Action action : actions) {
            all.add(Permission.of(resource, action));
        }
    }
}
