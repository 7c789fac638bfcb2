package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nobody gets a robot stronger than themselves, and nobody reaches another project's robots: Harbor's
 * CVE-2019-16919 (a Project Admin granting rights in another project), issues #18636/#21026 (robots minting
 * stronger robots) and CVE-2022-31667 (robot ids of other projects accepted on PUT), each as requests an attacker
 * would send, plus the same for system permissions, namespace {@code *} and the robot list.
 */
class RobotEscalationIT {

    private static final BerthServer SERVER = BerthServer.shared();
    private static final ApiClient ADMIN = ApiClient.admin(SERVER);

    /** Project A, administered by {@link #adminOfA}; B private, C public, neither administered by that user. */
    private static String projectA;
    private static String projectB;
    private static String projectC;
    private static long idA;
    private static long idB;
    private static ApiClient.TestUser adminOfA;
    private static ApiClient.TestUser maintainerOfA;
    private static ApiClient.TestUser guestOfA;
    private static ApiClient.TestUser limitedGuestOfA;
    /** A robot of project B, made by the administrator: the target of the IDOR attempts. */
    private static RobotJson.Created robotOfB;

    @BeforeAll
    static void projects() {
        projectA = RegistryClient.uniqueName("esc-a");
        projectB = RegistryClient.uniqueName("esc-b");
        projectC = RegistryClient.uniqueName("esc-c");
        adminOfA = ADMIN.newUser("esc-pa");
        maintainerOfA = ADMIN.newUser("esc-m");
        guestOfA = ADMIN.newUser("esc-g");
        limitedGuestOfA = ADMIN.newUser("esc-lg");
        idA = adminOfA.client().createProject(projectA, false);
        idB = ADMIN.createProject(projectB, false);
        ADMIN.createProject(projectC, true);
        adminOfA.client().addMember(projectA, maintainerOfA.id(), ApiClient.MAINTAINER);
        adminOfA.client().addMember(projectA, guestOfA.id(), ApiClient.GUEST);
        adminOfA.client().addMember(projectA, limitedGuestOfA.id(), ApiClient.LIMITED_GUEST);
        robotOfB = RobotJson.post(ADMIN, RobotJson.project("target", projectB, "repository:pull", "repository:push"));
    }

    @Test
    void aProjectAdminCreatesRobotsInItsProjectOnly() {
        ApiClient pa = adminOfA.client();
        RobotJson.Created own = RobotJson.post(pa, RobotJson.project("own", projectA, "repository:pull", "repository:push",
                "repository:delete", "member:create", "robot:create"));
        assertEquals("robot$" + projectA + "+own", own.name());

        assertEquals("NOT_FOUND", post(pa, RobotJson.project("steal", projectB, "repository:pull")).expect(404).errorCode(),
                "a private project it is no member of does not exist for it");
        assertEquals("FORBIDDEN", post(pa, RobotJson.project("steal", projectC, "repository:pull")).expect(403).errorCode(),
                "a public project it can see but not administer");
        assertEquals("NOT_FOUND", post(pa, RobotJson.project("steal", RegistryClient.uniqueName("missing"), "repository:pull"))
                .expect(404).errorCode());
        // The project robot of A with a second entry naming B is malformed before anything else is looked at.
        post(pa, RobotJson.create("steal", "project", -1, List.of(RobotJson.permission("project", projectA, "repository:pull"),
                RobotJson.permission("project", projectB, "repository:pull")))).expect(400);
    }

    @Test
    void systemPermissionsAndEveryProjectAreForSystemAdministrators() {
        ApiClient pa = adminOfA.client();
        assertEquals("FORBIDDEN", post(pa, RobotJson.create("sys", "system", -1,
                List.of(RobotJson.permission("system", "/", "registry:list")))).expect(403).errorCode());
        assertEquals("FORBIDDEN", post(pa, RobotJson.create("sys", "system", -1,
                List.of(RobotJson.permission("project", projectA, "repository:pull")))).expect(403).errorCode(),
                "a system robot, even with rights in its own project only");
        assertEquals("FORBIDDEN", post(pa, RobotJson.create("star", "system", -1,
                List.of(RobotJson.permission("project", "*", "repository:pull")))).expect(403).errorCode());
        assertEquals(403, post(maintainerOfA.client(), RobotJson.project("m", projectA, "repository:pull")).status(),
                "robot:create is a Project Admin's");
        assertEquals(403, post(guestOfA.client(), RobotJson.project("g", projectA, "repository:pull")).status());
        assertEquals(403, post(limitedGuestOfA.client(), RobotJson.project("lg", projectA, "repository:pull")).status());

        // A system robot allowed to create robots still cannot reach every project or rights it does not hold.
        RobotJson.Created creator = RobotJson.post(ADMIN, RobotJson.create("sys-creator-" + suffix(), "system", -1, List.of(
                RobotJson.permission("system", "/", "robot:create", "robot:read", "robot:list", "registry:read"),
                RobotJson.permission("project", projectA, "repository:pull"))));
        ApiClient robot = ApiClient.basic(SERVER, creator.name(), creator.secret());
        RobotJson.Created minted = RobotJson.post(robot, RobotJson.create("sys-minted-" + suffix(), "system", -1, List.of(
                RobotJson.permission("system", "/", "registry:read"), RobotJson.permission("project", projectA, "repository:pull"))));
        JsonObject read = robot.get("/api/v2.0/robots/" + minted.id()).expect(200).json();
        assertEquals("robot", read.getString("creator_type"));
        assertEquals(creator.id(), read.getJsonNumber("creator_ref").longValue());
        assertEquals(403, post(robot, RobotJson.create("x-" + suffix(), "system", -1,
                List.of(RobotJson.permission("system", "/", "registry:create")))).status(), "a system right it lacks");
        assertEquals(403, post(robot, RobotJson.create("x-" + suffix(), "system", -1,
                List.of(RobotJson.permission("system", "/", "user:create")))).status(), "user management it lacks");
        assertEquals(403, post(robot, RobotJson.create("x-" + suffix(), "system", -1,
                List.of(RobotJson.permission("project", "*", "repository:pull")))).status(), "every project");
        assertEquals(403, post(robot, RobotJson.create("x-" + suffix(), "system", -1,
                List.of(RobotJson.permission("project", projectA, "repository:push")))).status(), "a project right it lacks");
        assertEquals(404, post(robot, RobotJson.create("x-" + suffix(), "system", -1,
                List.of(RobotJson.permission("project", projectB, "repository:pull")))).status(), "a project it cannot see");
        assertEquals(403, post(robot, RobotJson.project("x-" + suffix(), projectA, "repository:pull")).status(),
                "a project robot needs robot:create in that project");
        assertEquals(400, post(robot, RobotJson.create("x-" + suffix(), "system", -1,
                List.of(RobotJson.permission("system", "/", "robot:update")))).status(), "robot:update is never grantable");
        assertEquals(404, robot.get("/api/v2.0/robots/" + robotOfB.id()).status(),
                "the system robot:read covers system robots, not those of a project the robot has no rights in");
    }

    @Test
    void aRobotThatCreatesRobotsCannotMintAStrongerOne() {
        RobotJson.Created creator = RobotJson.post(adminOfA.client(), RobotJson.project("creator-" + suffix(), projectA,
                "robot:create", "robot:read", "robot:list", "robot:delete", "repository:pull"));
        ApiClient robot = ApiClient.basic(SERVER, creator.name(), creator.secret());

        RobotJson.Created child = RobotJson.post(robot, RobotJson.project("child-" + suffix(), projectA, "repository:pull"));
        RobotJson.post(robot, RobotJson.project("grandparent-" + suffix(), projectA, "repository:pull", "robot:create"));
        for (String stronger : new String[] {"repository:push", "repository:delete", "artifact:delete", "member:create",
                "project:update"}) {
            ApiClient.Response refused = post(robot, RobotJson.project("stronger-" + suffix(), projectA, "repository:pull", stronger));
            assertEquals("FORBIDDEN", refused.expect(403).errorCode(), stronger);
        }
        RobotJson.post(robot, RobotJson.project("deleter-" + suffix(), projectA, "robot:delete"));
        assertEquals(400, post(robot, RobotJson.project("updater-" + suffix(), projectA, "robot:update")).status());
        assertEquals(403, post(robot, RobotJson.project("other-" + suffix(), projectC, "repository:pull")).status(),
                "public C is visible, but the robot holds nothing to create there");
        assertEquals(404, post(robot, RobotJson.project("other-" + suffix(), projectB, "repository:pull")).status());

        // What the child can do on /v2/ is what it was given, no more.
        RegistryClient childClient = RegistryClient.as(SERVER, child.name(), child.secret());
        assertEquals(Map.of("repository " + projectA + "/app", List.of("pull")), TokenServiceIT.access(
                childClient.token(List.of("repository:" + projectA + "/app:pull,push,delete"))));
        // The creator may delete (robot:delete) but never update or re-key (no robot:update) its children.
        assertEquals(403, robot.put("/api/v2.0/robots/" + child.id(), RobotJson.project(child.name(), projectA,
                "repository:pull", "repository:push").toString()).status());
        assertEquals(403, robot.send("PATCH", "/api/v2.0/robots/" + child.id(), "{}").status());
        robot.delete("/api/v2.0/robots/" + child.id()).expect(200);
    }

    @Test
    void robotsOfOtherProjectsAreNotFoundWhateverTheMethod() {
        ApiClient pa = adminOfA.client();
        String missing = "/api/v2.0/robots/99999999";
        String other = "/api/v2.0/robots/" + robotOfB.id();
        JsonObject body = RobotJson.project("target", projectB, "repository:pull", "repository:push", "repository:delete");
        for (String path : List.of(other, missing)) {
            assertEquals("NOT_FOUND", pa.get(path).expect(404).errorCode(), path);
            assertEquals("NOT_FOUND", pa.put(path, body.toString()).expect(404).errorCode(), path);
            assertEquals("NOT_FOUND", pa.send("PATCH", path, "{\"secret\":\"Taken-Over-1\"}").expect(404).errorCode(), path);
            assertEquals("NOT_FOUND", pa.delete(path).expect(404).errorCode(), path);
        }
        // Nothing happened to the robot of B: same secret, same rights.
        JsonObject robot = ADMIN.get(other).expect(200).json();
        assertEquals(List.of("repository:pull", "repository:push"), RobotsApiIT.accesses(robot.getJsonArray("permissions").getJsonObject(0)));
        RegistryClient.as(SERVER, robotOfB.name(), robotOfB.secret()).token(List.of("repository:" + projectB + "/x:pull"));
        assertEquals(401, RegistryClient.as(SERVER, robotOfB.name(), "Taken-Over-1").requestToken(List.of()).statusCode());

        // A system robot is the system administrators' business.
        RobotJson.Created system = RobotJson.post(ADMIN, RobotJson.create("idor-sys-" + suffix(), "system", -1,
                List.of(RobotJson.permission("system", "/", "registry:list"))));
        pa.get("/api/v2.0/robots/" + system.id()).expect(404);
        pa.delete("/api/v2.0/robots/" + system.id()).expect(404);
        // Listing B's robots, or everyone's.
        assertEquals(404, pa.get("/api/v2.0/robots?q=" + RobotsApiIT.encode("Level=project,ProjectID=" + idB)).status());
        assertEquals(403, pa.get("/api/v2.0/robots").status());
        assertEquals(403, pa.get("/api/v2.0/robots?q=" + RobotsApiIT.encode("Level=system")).status());
        // Its own project's robots, and only those.
        RobotJson.Created mine = RobotJson.post(pa, RobotJson.project("mine-" + suffix(), projectA, "repository:pull"));
        List<String> listed = RobotsApiIT.names(pa.get("/api/v2.0/robots?q=" + RobotsApiIT.encode("Level=project,ProjectID=" + idA)
                + "&page_size=100").expect(200).array());
        assertTrue(listed.contains(mine.name()), listed.toString());
        assertTrue(listed.stream().allMatch(n -> n.startsWith("robot$" + projectA + "+")), listed.toString());
        assertFalse(listed.contains(robotOfB.name()));
        // Moving one's own robot into B through a PUT is refused as well.
        JsonObject read = pa.get("/api/v2.0/robots/" + mine.id()).expect(200).json();
        assertEquals(400, pa.put("/api/v2.0/robots/" + mine.id(), RobotJson.edit(read, RobotJson.project(mine.name(), projectB,
                "repository:pull")).toString()).status());
    }

    @Test
    void membersSeeTheirProjectsRobotsAsTheirRoleAllows() {
        RobotJson.Created robot = RobotJson.post(adminOfA.client(), RobotJson.project("roles-" + suffix(), projectA, "repository:pull"));
        String path = "/api/v2.0/robots/" + robot.id();
        String list = "/api/v2.0/robots?q=" + RobotsApiIT.encode("Level=project,ProjectID=" + idA);
        JsonObject body = adminOfA.client().get(path).expect(200).json();
        for (ApiClient.TestUser reader : List.of(maintainerOfA, guestOfA)) {
            ApiClient client = reader.client();
            client.get(path).expect(200);
            client.get(list).expect(200);
            assertEquals("FORBIDDEN", client.put(path, body.toString()).expect(403).errorCode());
            assertEquals("FORBIDDEN", client.send("PATCH", path, "{}").expect(403).errorCode());
            assertEquals("FORBIDDEN", client.delete(path).expect(403).errorCode());
        }
        ApiClient limited = limitedGuestOfA.client();
        limited.get(path).expect(404);
        limited.put(path, body.toString()).expect(404);
        limited.send("PATCH", path, "{}").expect(404);
        limited.delete(path).expect(404);
        assertEquals(403, limited.get(list).status(), "the project is visible to it, its robots are not");
        RegistryClient.as(SERVER, robot.name(), robot.secret()).token(List.of("repository:" + projectA + "/x:pull"));
    }

    /**
     * Grants follow the project, not its name: when a project is deleted its robots and the grants of system robots
     * on it go, and a new project of the same name does not inherit them.
     */
    @Test
    void grantsDoNotSurviveTheirProject() {
        String reused = RegistryClient.uniqueName("esc-reused");
        long first = ADMIN.createProject(reused, false);
        RobotJson.Created projectRobot = RobotJson.post(ADMIN, RobotJson.project("gone", reused, "repository:pull"));
        RobotJson.Created system = RobotJson.post(ADMIN, RobotJson.create("survivor-" + suffix(), "system", -1, List.of(
                RobotJson.permission("system", "/", "registry:list"),
                RobotJson.permission("project", reused, "repository:pull", "repository:push"))));
        RegistryClient systemClient = RegistryClient.as(SERVER, system.name(), system.secret());
        List<String> scope = List.of("repository:" + reused + "/app:pull,push");
        assertEquals(Map.of("repository " + reused + "/app", List.of("pull", "push")), TokenServiceIT.access(systemClient.token(scope)));

        ADMIN.delete("/api/v2.0/projects/" + first).expect(200);
        ADMIN.get("/api/v2.0/robots/" + projectRobot.id()).expect(404);
        assertEquals(401, RegistryClient.as(SERVER, projectRobot.name(), projectRobot.secret()).requestToken(List.of()).statusCode());
        JsonObject survivor = ADMIN.get("/api/v2.0/robots/" + system.id()).expect(200).json();
        assertEquals(1, survivor.getJsonArray("permissions").size(), survivor.toString());
        assertEquals("system", survivor.getJsonArray("permissions").getJsonObject(0).getString("kind"));

        ADMIN.createProject(reused, false);
        assertEquals(Map.of("repository " + reused + "/app", List.of()), TokenServiceIT.access(
                RegistryClient.as(SERVER, system.name(), system.secret()).token(scope)));
    }

    private static ApiClient.Response post(ApiClient client, JsonObject body) {
        return client.post("/api/v2.0/robots", body.toString());
    }

    private static String suffix() {
        return RobotsApiIT.suffix();
    }
}
