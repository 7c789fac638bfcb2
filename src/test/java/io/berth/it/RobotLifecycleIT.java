package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A disabled or expired robot is refused everywhere a secret or a token is accepted: the token service, Basic on
 * {@code /v2/} and on the API, and tokens it was issued before; disabling takes effect at once on this node, though
 * the robot had just been used, and enabling it again restores it.
 */
class RobotLifecycleIT {

    private static final BerthServer SERVER = BerthServer.shared();
    private static final ApiClient ADMIN = ApiClient.admin(SERVER);
    private static String project;
    private static List<String> scope;
    /** The tag list of an image in the project, readable by the robots under test. */
    private static String tags;

    @BeforeAll
    static void project() {
        project = RegistryClient.uniqueName("robot-life");
        ADMIN.createProject(project, false);
        scope = List.of("repository:" + project + "/app:pull,push");
        tags = "/v2/" + project + "/app/tags/list";
        new RegistryClient(SERVER).pushImage(project + "/app", "v1", project);
    }

    @Test
    void aDisabledRobotIsRefusedUntilEnabledAgain() {
        RobotJson.Created robot = RobotJson.post(ADMIN, RobotJson.project("toggled", project, "repository:pull", "repository:push",
                "project:read"));
        RegistryClient client = RegistryClient.as(SERVER, robot.name(), robot.secret());
        String issued = client.token(scope);
        assertEquals(200, bearer(issued).statusCode());
        assertUsable(robot, true);

        setDisabled(robot, true);
        assertUsable(robot, false);
        assertEquals(401, bearer(issued).statusCode(), "a token issued before the robot was disabled");

        setDisabled(robot, false);
        assertUsable(robot, true);
        assertEquals(200, bearer(issued).statusCode());
    }

    @Test
    void aRobotCreatedDisabledIsRefusedFromTheStart() {
        RobotJson.Created robot = RobotJson.post(ADMIN, Json.createObjectBuilder(RobotJson.project("born-disabled", project,
                "repository:pull", "project:read")).add("disable", true).build());
        assertUsable(robot, false);
    }

    /**
     * No API makes a robot expire sooner than a day after its creation, so the test moves its expiry into the past in
     * the database (on H2 with a restart of the server, see {@link BerthServer#updateDatabase}). Its twin, created
     * alongside and left alone, still works, so the refusal is the expiry's doing.
     */
    @Test
    void anExpiredRobotIsRefused() throws IOException, SQLException {
        RobotJson.Created expired = RobotJson.post(ADMIN, RobotJson.create("expired", "project", 1,
                List.of(RobotJson.permission("project", project, "repository:pull", "repository:push", "project:read"))));
        RobotJson.Created twin = RobotJson.post(ADMIN, RobotJson.create("twin", "project", 1,
                List.of(RobotJson.permission("project", project, "repository:pull", "repository:push", "project:read"))));
        Instant past = Instant.parse("2001-01-01T00:00:00Z");
        SERVER.updateDatabase("UPDATE robot SET expires_at = TIMESTAMP '2001-01-01 00:00:00' WHERE id = " + expired.id());

        assertEquals(past.getEpochSecond(), ADMIN.get("/api/v2.0/robots/" + expired.id()).expect(200).json()
                .getJsonNumber("expires_at").longValue());
        assertUsable(expired, false);
        assertUsable(twin, true);
    }

    /** Token service, Basic on {@code /v2/} and on the API all agree on whether the robot may sign in. */
    private static void assertUsable(RobotJson.Created robot, boolean usable) {
        int expected = usable ? 200 : 401;
        RegistryClient client = RegistryClient.as(SERVER, robot.name(), robot.secret());
        assertEquals(expected, client.requestToken(scope).statusCode(), "token with a scope");
        assertEquals(expected, client.requestToken(List.of()).statusCode(), "login (no scope)");
        assertEquals(expected, RegistryClient.basic(SERVER, robot.name(), robot.secret()).get(tags).statusCode(), "Basic on /v2/");
        assertEquals(expected, ApiClient.basic(SERVER, robot.name(), robot.secret()).get("/api/v2.0/projects/" + project).status(),
                "Basic on the API");
    }

    private static void setDisabled(RobotJson.Created robot, boolean disabled) {
        JsonObject read = ADMIN.get("/api/v2.0/robots/" + robot.id()).expect(200).json();
        ADMIN.put("/api/v2.0/robots/" + robot.id(), RobotJson.edit(read, Json.createObjectBuilder().add("disable", disabled).build())
                .toString()).expect(200);
    }

    /** The tag list of the project's image with a token and nothing else. */
    private static HttpResponse<byte[]> bearer(String token) {
        RegistryClient raw = RegistryClient.withoutCredentials(SERVER);
        return raw.sendAsIs(raw.request(tags).header("Authorization", "Bearer " + token).GET().build());
    }
}
