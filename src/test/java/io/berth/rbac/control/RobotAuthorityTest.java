package io.berth.rbac.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Resource;
import io.berth.rbac.entity.Robot;
import io.berth.rbac.entity.RobotGrant;
import io.berth.rbac.entity.Role;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The authority rules of robot accounts, without a container: the real {@link AccessEvaluator} and
 * {@link ProjectGuard} over three projects held in memory (private A, where the user is Project Admin; private B,
 * where it is nothing; public P) and a user whose roles come from a map.
 */
class RobotAuthorityTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Project a = project(1, "a", false);
    private final Project b = project(2, "b", false);
    private final Project p = project(3, "p", true);
    private final Map<Long, Project> projects = Map.of(1L, a, 2L, b, 3L, p);

    private final Caller.UserCaller admin = new Caller.UserCaller(1, "admin", true, Set.of());
    private final Caller.UserCaller projectAdminOfA = new Caller.UserCaller(10, "pa", false, Set.of());
    private final Caller.UserCaller guestOfA = new Caller.UserCaller(11, "guest", false, Set.of());
    private final Map<Long, Map<Long, Set<Role>>> roles = Map.of(
            10L, Map.of(1L, Set.of(Role.PROJECT_ADMIN)),
            11L, Map.of(1L, Set.of(Role.GUEST)));

    private final RobotAuthority authority = authority();

    @Test
    void aProjectAdminCreatesProjectRobotsInItsOwnProjectOnly() {
        assertEquals(a, authority.requireCreate(projectAdminOfA, "project", List.of(grant("a", "repository:pull"))));
        assertStatus(404, () -> authority.requireCreate(projectAdminOfA, "project", List.of(grant("b", "repository:pull"))));
        assertStatus(403, () -> authority.requireCreate(projectAdminOfA, "project", List.of(grant("p", "repository:pull"))));
        assertStatus(404, () -> authority.requireCreate(projectAdminOfA, "project", List.of(grant("nowhere", "repository:pull"))));
        assertStatus(403, () -> authority.requireCreate(projectAdminOfA, "system", List.of(system("registry:list"))));
        assertStatus(403, () -> authority.requireCreate(guestOfA, "project", List.of(grant("a", "repository:pull"))));
        assertStatus(401, () -> authority.requireCreate(Caller.ANONYMOUS, "project", List.of(grant("a", "repository:pull"))));
        assertNull(authority.requireCreate(admin, "system", List.of(system("registry:list"))));
    }

    @Test
    void grantsMustBeHeldByTheCaller() {
        List<RobotGrant> grants = authority.requireWithin(projectAdminOfA, List.of(grant("a", "repository:push"),
                grant("a", "member:create"), grant("a", "robot:create")));
        assertEquals(List.of(1L, 1L, 1L), grants.stream().map(RobotGrant::projectId).toList(), "tied to the project's id");
        assertStatus(404, () -> authority.requireWithin(projectAdminOfA, List.of(grant("b", "repository:pull"))));
        assertStatus(403, () -> authority.requireWithin(projectAdminOfA, List.of(grant("p", "repository:push"))));
        assertStatus(403, () -> authority.requireWithin(projectAdminOfA, List.of(new RequestedGrant("project", "*",
                permission("repository:pull")))));
        assertStatus(403, () -> authority.requireWithin(projectAdminOfA, List.of(system("registry:list"))));
        assertStatus(403, () -> authority.requireWithin(guestOfA, List.of(grant("a", "repository:push"))));
        assertDoesNotThrow(() -> authority.requireWithin(admin, List.of(grant("b", "repository:delete"),
                new RequestedGrant("project", "*", permission("repository:pull")), system("user:create"))));
    }

    @Test
    void aRobotGrantsOnlyWhatItHolds() {
        Caller.RobotCaller creator = new Caller.RobotCaller(50, "robot$a+creator", 1L, List.of(
                RobotGrant.project(a, permission("robot:create")), RobotGrant.project(a, permission("repository:pull"))));
        assertEquals(a, authority.requireCreate(creator, "project", List.of(grant("a", "repository:pull"))));
        assertDoesNotThrow(() -> authority.requireWithin(creator, List.of(grant("a", "repository:pull"), grant("a", "robot:create"))));
        for (String stronger : List.of("repository:push", "repository:delete", "member:create", "robot:delete")) {
            assertStatus(403, () -> authority.requireWithin(creator, List.of(grant("a", stronger))));
        }
        assertStatus(403, () -> authority.requireCreate(creator, "system", List.of(system("registry:list"))));
        assertStatus(404, () -> authority.requireCreate(creator, "project", List.of(grant("b", "repository:pull"))));

        Caller.RobotCaller systemCreator = new Caller.RobotCaller(51, "robot$ops", null, List.of(
                RobotGrant.system(permission("robot:create")), RobotGrant.system(Permission.of(Resource.REGISTRY, Action.LIST)),
                RobotGrant.allProjects(permission("repository:pull"))));
        assertNull(authority.requireCreate(systemCreator, "system", List.of(system("registry:list"))));
        assertDoesNotThrow(() -> authority.requireWithin(systemCreator, List.of(system("registry:list"), grant("b", "repository:pull"))));
        assertStatus(403, () -> authority.requireWithin(systemCreator, List.of(system("registry:create"))));
        assertStatus(403, () -> authority.requireWithin(systemCreator, List.of(new RequestedGrant("project", "*",
                permission("repository:pull")))), "every project is for system administrators, even for a robot holding *");
        assertStatus(403, () -> authority.requireWithin(systemCreator, List.of(grant("b", "repository:push"))));
    }

    @Test
    void robotsOfOtherProjectsAreNotFound() {
        Robot ofB = robot("robot$b+x", 2L, RobotGrant.project(b, permission("repository:pull")));
        for (Action action : List.of(Action.READ, Action.UPDATE, Action.DELETE)) {
            assertStatus(404, () -> authority.requireManage(projectAdminOfA, ofB, action));
            assertStatus(404, () -> authority.requireManage(guestOfA, ofB, action));
            assertDoesNotThrow(() -> authority.requireManage(admin, ofB, action));
        }
        Robot system = robot("robot$ops", null, RobotGrant.system(Permission.of(Resource.REGISTRY, Action.LIST)));
        assertStatus(404, () -> authority.requireManage(projectAdminOfA, system, Action.READ));
        assertStatus(401, () -> authority.requireManage(Caller.ANONYMOUS, ofB, Action.READ));
    }

    @Test
    void readersMayReadButNotChange() {
        Robot ofA = robot("robot$a+x", 1L, RobotGrant.project(a, permission("repository:pull")));
        assertDoesNotThrow(() -> authority.requireManage(guestOfA, ofA, Action.READ));
        assertStatus(403, () -> authority.requireManage(guestOfA, ofA, Action.UPDATE));
        assertStatus(403, () -> authority.requireManage(guestOfA, ofA, Action.DELETE));
        assertDoesNotThrow(() -> authority.requireManage(projectAdminOfA, ofA, Action.UPDATE));

        Caller.RobotCaller deleter = new Caller.RobotCaller(52, "robot$a+deleter", 1L, List.of(
                RobotGrant.project(a, permission("robot:delete"))));
        assertDoesNotThrow(() -> authority.requireManage(deleter, ofA, Action.DELETE));
        assertStatus(404, () -> authority.requireManage(deleter, ofA, Action.UPDATE),
                "robots never hold robot:update, and this one may not read robots either");
        Caller.RobotCaller reader = new Caller.RobotCaller(53, "robot$a+reader", 1L, List.of(
                RobotGrant.project(a, permission("robot:read"))));
        assertStatus(403, () -> authority.requireManage(reader, ofA, Action.UPDATE), "robots never hold robot:update");
    }

    @Test
    void changingARobotNeedsEverythingItHolds() {
        Robot stronger = robot("robot$ops", null, RobotGrant.system(Permission.of(Resource.USER, Action.CREATE)),
                RobotGrant.project(a, permission("repository:pull")));
        assertEquals(false, authority.holdsAll(projectAdminOfA, stronger.grants()));
        assertEquals(true, authority.holdsAll(admin, stronger.grants()));
        Robot inA = robot("robot$a+x", 1L, RobotGrant.project(a, permission("repository:delete")));
        assertEquals(true, authority.holdsAll(projectAdminOfA, inA.grants()));
        assertEquals(false, authority.holdsAll(guestOfA, inA.grants()));
        assertEquals(false, authority.holdsAll(projectAdminOfA, List.of(RobotGrant.allProjects(permission("repository:pull")))));
    }

    private RobotAuthority authority() {
        AccessEvaluator access = new AccessEvaluator() {
            @Override
            public Set<Role> roles(Caller.UserCaller user, long projectId) {
                return roles.getOrDefault(user.id(), Map.of()).getOrDefault(projectId, Set.of());
            }
        };
        ProjectGuard guard = new ProjectGuard() {
            @Override
            public Optional<Project> find(String nameOrId, boolean isName) {
                return projects.values().stream()
                        .filter(project -> isName ? project.name().equals(nameOrId) : project.id().toString().equals(nameOrId))
                        .findFirst();
            }
        };
        guard.access = access;
        RobotAuthority authority = new RobotAuthority();
        authority.access = access;
        authority.guard = guard;
        authority.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("find") && args.length == 2 && args[0] == Project.class) {
                        return projects.get((Long) args[1]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return authority;
    }

    private static void assertStatus(int status, Executable call) {
        assertStatus(status, call, "");
    }

    private static void assertStatus(int status, Executable call, String message) {
        ApiException refused = assertThrows(ApiException.class, call, message);
        assertEquals(status, refused.error().status(), refused.getMessage());
        if (status == 403) {
            assertEquals(ApiError.FORBIDDEN, refused.error());
        }
    }

    private static RequestedGrant grant(String project, String resourceAction) {
        return new RequestedGrant("project", project, permission(resourceAction));
    }

    private static RequestedGrant system(String resourceAction) {
        String[] parts = resourceAction.split(":");
        return new RequestedGrant("system", "/", Permission.of(Resource.ofValue(parts[0]).orElseThrow(),
                Action.ofValue(parts[1]).orElseThrow()));
    }

    private static Permission permission(String resourceAction) {
        String[] parts = resourceAction.split(":");
        return Permission.of(Resource.ofValue(parts[0]).orElseThrow(), Action.ofValue(parts[1]).orElseThrow());
    }

    private static Robot robot(String name, Long projectId, RobotGrant... grants) {
        return new Robot(name, null, "hash", projectId == null ? "system" : "project", projectId, -1,
                new Caller.UserCaller(1, "admin", true, Set.of()), List.of(grants), NOW);
    }

    private static Project project(long id, String name, boolean isPublic) {
        Project project = new Project(name, isPublic, null, NOW);
        try {
            Field field = Project.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(project, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return project;
    }
}
