package io.berth.rbac.boundary.robots;

import io.berth.rbac.control.RequestedPermission;
import io.berth.rbac.entity.RobotGrant;
import io.berth.rbac.entity.RobotPermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Harbor's {@code RobotPermission} in an answer: grants of one kind and namespace, with their accesses. */
public record RobotPermissionView(String kind, String namespace, List<AccessView> access) {

    /** Harbor's {@code Access}. Berth stores only grants, so the effect is always {@code allow}. */
    public record AccessView(String resource, String action, String effect) {
    }

    /** {@code grants} grouped by kind and namespace, in the order they were granted. */
    static List<RobotPermissionView> of(List<RobotGrant> grants) {
        Map<List<String>, List<AccessView>> groups = new LinkedHashMap<>();
        for (RobotGrant grant : grants) {
            groups.computeIfAbsent(List.of(grant.kind(), grant.namespace()), k -> new ArrayList<>())
                    .add(new AccessView(RobotPermissions.wireResource(grant.kind(), grant.permission()),
                            grant.permission().action().value(), "allow"));
        }
        List<RobotPermissionView> views = new ArrayList<>();
        groups.forEach((key, access) -> views.add(new RobotPermissionView(key.get(0), key.get(1), List.copyOf(access))));
        return views;
    }

    /** {@code permissions} as a request asks for them again (the effect is always {@code allow}). */
    static List<RequestedPermission> requested(List<RobotPermissionView> permissions) {
        return permissions == null ? null : permissions.stream().map(p -> new RequestedPermission(p.kind(), p.namespace(),
                p.access() == null ? null : p.access().stream()
                        .map(a -> new RequestedPermission.Access(a.resource(), a.action(), null)).toList())).toList();
    }
}
