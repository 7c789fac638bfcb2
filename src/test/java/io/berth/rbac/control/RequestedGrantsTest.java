package io.berth.rbac.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.platform.api.ApiException;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Resource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The form of robot permissions: kinds, namespaces, one entry for project robots, known and grantable accesses. */
class RequestedGrantsTest {

    @Test
    void projectRobotsHaveOneProjectPermission() {
        List<RequestedGrant> grants = RequestedGrants.parse("project", List.of(permission("project", "p",
                "repository:pull", "repository:push", "repository:pull", "project:read")));
        assertEquals(List.of(
                new RequestedGrant("project", "p", Permission.of(Resource.REPOSITORY, Action.PULL)),
                new RequestedGrant("project", "p", Permission.of(Resource.REPOSITORY, Action.PUSH)),
                new RequestedGrant("project", "p", Permission.of(Resource.PROJECT_SELF, Action.READ))), grants,
                "in request order, repetitions dropped, project spelled as Harbor does");
        for (List<RequestedPermission> bad : List.of(
                List.<RequestedPermission>of(),
                List.of(permission("project", "p", "repository:pull"), permission("project", "q", "repository:pull")),
                List.of(permission("system", "/", "registry:list")),
                List.of(permission("project", "*", "repository:pull")),
                List.of(permission("project", "", "repository:pull")),
                List.of(permission("project", "p")))) {
            assertThrows(ApiException.class, () -> RequestedGrants.parse("project", bad), bad.toString());
        }
        assertThrows(ApiException.class, () -> RequestedGrants.parse("project", null));
    }

    @Test
    void systemRobotsMixSystemAndProjectPermissions() {
        List<RequestedGrant> grants = RequestedGrants.parse("system", List.of(
                permission("system", null, "registry:list", "project:create"),
                permission("project", "*", "repository:pull"),
                permission("project", "p", "artifact:read")));
        assertEquals(List.of(
                new RequestedGrant("system", "/", Permission.of(Resource.REGISTRY, Action.LIST)),
                new RequestedGrant("system", "/", Permission.of(Resource.PROJECT, Action.CREATE)),
                new RequestedGrant("project", "*", Permission.of(Resource.REPOSITORY, Action.PULL)),
                new RequestedGrant("project", "p", Permission.of(Resource.ARTIFACT, Action.READ))), grants);
        for (RequestedPermission bad : List.of(
                permission("system", "p", "registry:list"),
                permission("global", "/", "registry:list"),
                permission(null, "/", "registry:list"),
                permission("system", "/", "robot:update"),
                permission("project", "p", "robot:update"),
                permission("system", "/", "configuration:update"),
                permission("system", "/", "repository:pull"),
                permission("project", "p", "registry:list"),
                permission("project", "p", "helm-chart:read"),
                permission("project", "p", "repository:*"),
                permission("project", "p", "repository:"))) {
            assertThrows(ApiException.class, () -> RequestedGrants.parse("system", List.of(bad)), bad.toString());
        }
        assertThrows(ApiException.class, () -> RequestedGrants.parse("system", List.of(new RequestedPermission("project", "p",
                List.of(new RequestedPermission.Access("repository", "pull", "deny"))))));
        assertEquals(1, RequestedGrants.parse("system", List.of(new RequestedPermission("project", "p",
                List.of(new RequestedPermission.Access("repository", "pull", "allow"))))).size());
    }

    @Test
    void levels() {
        assertEquals("system", RequestedGrants.level("system"));
        assertEquals("project", RequestedGrants.level("project"));
        for (String bad : Arrays.asList(null, "", "System", "global")) {
            assertThrows(ApiException.class, () -> RequestedGrants.level(bad), String.valueOf(bad));
        }
    }

    static RequestedPermission permission(String kind, String namespace, String... accesses) {
        List<RequestedPermission.Access> access = new ArrayList<>();
        for (String a : accesses) {
            int colon = a.lastIndexOf(':');
            access.add(new RequestedPermission.Access(a.substring(0, colon), a.substring(colon + 1), null));
        }
        return new RequestedPermission(kind, namespace, access);
    }
}
