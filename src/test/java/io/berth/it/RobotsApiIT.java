package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v2.0/robots} against Harbor's swagger: {@code RobotCreated} and {@code Robot} field by field, the name
 * format, list with Harbor's {@code q}, update, secret refresh and delete, the input rules (400s), and the secret:
 * shown in the create and refresh answers and nowhere else, not in reads, lists or the server's log.
 */
class RobotsApiIT {

    /** Harbor's {@code RobotCreated}. */
    static final Set<String> ROBOT_CREATED = Set.of("id", "name", "secret", "creation_time", "expires_at");
    /** Harbor's {@code Robot} (v2.15.2), without {@code secret}, which is never returned. */
    static final Set<String> ROBOT = Set.of("id", "name", "description", "level", "duration", "editable", "disable",
            "expires_at", "permissions", "creator_type", "creator_ref", "creation_time", "update_time");

    private static final BerthServer SERVER = BerthServer.shared();
    private static final ApiClient ADMIN = ApiClient.admin(SERVER);
    private static String project;
    private static long projectId;

    @BeforeAll
    static void project() {
        project = RegistryClient.uniqueName("robots-api");
        projectId = ADMIN.createProject(project, false);
    }

    @Test
    void aProjectRobotIsCreatedAndReadBackFieldByField() {
        Instant before = Instant.now().minusSeconds(2);
        ApiClient.Response response = ADMIN.post("/api/v2.0/robots", RobotJson.builder("ci-" + suffix(), "project", 7,
                List.of(RobotJson.permission("project", project, "repository:pull", "repository:push", "artifact:read")))
                .add("description", "builds the images").build().toString()).expect(201);
        JsonObject created = response.json();
        assertEquals(ROBOT_CREATED, created.keySet());
        long id = created.getJsonNumber("id").longValue();
        assertEquals("/api/v2.0/robots/" + id, response.location().getPath());
        String name = created.getString("name");
        assertTrue(name.startsWith("robot$" + project + "+ci-"), name);
        String secret = created.getString("secret");
        assertSecretIsStrong(secret);
        Instant creation = Instant.parse(created.getString("creation_time"));
        assertTrue(creation.isAfter(before), created.toString());
        assertEquals(creation.getEpochSecond() + 7 * 86_400, created.getJsonNumber("expires_at").longValue());
        assertEquals("no-store", response.header("Cache-Control"));

        ApiClient.Response read = ADMIN.get("/api/v2.0/robots/" + id).expect(200);
        JsonObject robot = read.json();
        assertEquals(ROBOT, robot.keySet());
        assertEquals(id, robot.getJsonNumber("id").longValue());
        assertEquals(name, robot.getString("name"));
        assertEquals("builds the images", robot.getString("description"));
        assertEquals("project", robot.getString("level"));
        assertEquals(7, robot.getInt("duration"));
        assertTrue(robot.getBoolean("editable"));
        assertFalse(robot.getBoolean("disable"));
        assertEquals(created.getJsonNumber("expires_at").longValue(), robot.getJsonNumber("expires_at").longValue());
        assertEquals("local", robot.getString("creator_type"));
        assertEquals(1, robot.getJsonNumber("creator_ref").longValue(), "admin is user 1");
        assertEquals(creation, Instant.parse(robot.getString("creation_time")));
        assertEquals(creation, Instant.parse(robot.getString("update_time")));
        JsonArray permissions = robot.getJsonArray("permissions");
        assertEquals(1, permissions.size());
        JsonObject permission = permissions.getJsonObject(0);
        assertEquals(Set.of("kind", "namespace", "access"), permission.keySet());
        assertEquals("project", permission.getString("kind"));
        assertEquals(project, permission.getString("namespace"));
        assertEquals(List.of("repository:pull", "repository:push", "artifact:read"), accesses(permission));
        assertEquals(Set.of("resource", "action", "effect"), permission.getJsonArray("access").getJsonObject(0).keySet());
        assertEquals("allow", permission.getJsonArray("access").getJsonObject(0).getString("effect"));
        assertFalse(read.body().contains(secret), "the secret is shown once");
        assertFalse(read.body().contains("secret"), read.body());
        assertFalse(read.body().toLowerCase().contains("pbkdf2"), read.body());
    }

    @Test
    void aSystemRobotIsNamedWithThePrefixOnlyAndDefaultsToThirtyDays() {
        String name = "ops-" + suffix();
        ApiClient.Response response = ADMIN.post("/api/v2.0/robots", Json.createObjectBuilder()
                .add("name", name).add("level", "system")
                .add("permissions", Json.createArrayBuilder()
                        .add(RobotJson.permission("system", "/", "registry:list", "replication-policy:create"))
                        .add(RobotJson.permission("project", project, "repository:pull"))
                        .add(RobotJson.permission("project", "*", "artifact:list")))
                .build().toString()).expect(201);
        JsonObject created = response.json();
        assertEquals("robot$" + name, created.getString("name"));
        long creation = Instant.parse(created.getString("creation_time")).getEpochSecond();
        assertEquals(creation + 30 * 86_400, created.getJsonNumber("expires_at").longValue(), "robot_token_duration default");

        JsonObject robot = ADMIN.get("/api/v2.0/robots/" + created.getJsonNumber("id")).expect(200).json();
        assertEquals("system", robot.getString("level"));
        assertEquals(30, robot.getInt("duration"));
        assertEquals("", robot.getString("description"));
        JsonArray permissions = robot.getJsonArray("permissions");
        assertEquals(List.of("system /", "project " + project, "project *"), permissions.getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("kind") + " " + p.getString("namespace")).toList());
        assertEquals(List.of("registry:list", "replication-policy:create"), accesses(permissions.getJsonObject(0)));
    }

    /** {@code robot_name_prefix} and {@code robot_token_duration} apply to robots created after they change. */
    @Test
    void theRuntimeSettingsNameNewRobotsAndSetTheirDefaultDuration() {
        try {
            ADMIN.configure("{\"robot_name_prefix\":\"ci$\",\"robot_token_duration\":5}");
            RobotJson.Created robot = RobotJson.post(ADMIN, Json.createObjectBuilder(RobotJson.project("prefixed", project,
                    "repository:pull", "repository:push")).remove("duration").build());
            assertEquals("ci$" + project + "+prefixed", robot.name());
            JsonObject read = ADMIN.get("/api/v2.0/robots/" + robot.id()).expect(200).json();
            assertEquals(5, read.getInt("duration"));
            assertEquals(Instant.parse(read.getString("creation_time")).getEpochSecond() + 5 * 86_400,
                    read.getJsonNumber("expires_at").longValue());
            // It signs in under its new prefix, and its tokens are honoured on /v2/.
            RegistryClient.as(SERVER, robot.name(), robot.secret()).pushImage(project + "/prefixed", "v1", robot.name());
            assertEquals(List.of(robot.name()), names(ADMIN.get("/api/v2.0/robots?q=" + encode("ProjectID=" + projectId
                    + ",name=" + project + "+prefixed")).expect(200).array()), "filtered without the prefix");
        } finally {
            ADMIN.configure("{\"robot_name_prefix\":\"robot$\",\"robot_token_duration\":30}");
        }
    }

    /** Fields that {@code RobotCreate} does not have are ignored, never applied (mass assignment, CVE-2019-16097 class). */
    @Test
    void fieldsOutsideRobotCreateAreIgnored() {
        ApiClient.TestUser someone = ADMIN.newUser("robot-owner");
        JsonObject created = ADMIN.post("/api/v2.0/robots", Json.createObjectBuilder(RobotJson.project("assigned-" + suffix(), project,
                "repository:pull")).add("duration", 2).add("id", 999_999).add("expires_at", 1).add("editable", false)
                .add("creator_type", "robot").add("creator_ref", someone.id()).add("creation_time", "2001-01-01T00:00:00Z")
                .add("project_id", 1).build().toString()).expect(201).json();
        long id = created.getJsonNumber("id").longValue();
        assertNotEquals(999_999, id);
        JsonObject robot = ADMIN.get("/api/v2.0/robots/" + id).expect(200).json();
        long creation = Instant.parse(robot.getString("creation_time")).getEpochSecond();
        assertTrue(creation > Instant.parse("2020-01-01T00:00:00Z").getEpochSecond());
        assertEquals(creation + 2 * 86_400, robot.getJsonNumber("expires_at").longValue());
        assertTrue(robot.getBoolean("editable"));
        assertEquals("local", robot.getString("creator_type"));
        assertEquals(1, robot.getJsonNumber("creator_ref").longValue());
        assertEquals(project, robot.getJsonArray("permissions").getJsonObject(0).getString("namespace"));
    }

    @Test
    void neverExpiringRobotsAndChosenSecrets() {
        String secret = "Chosen-Secret-9";
        RobotJson.Created robot = RobotJson.post(ADMIN, Json.createObjectBuilder(
                RobotJson.project("chosen-" + suffix(), project, "repository:pull")).add("secret", secret).build());
        assertEquals(secret, robot.secret());
        JsonObject read = ADMIN.get("/api/v2.0/robots/" + robot.id()).expect(200).json();
        assertEquals(-1, read.getInt("duration"));
        assertEquals(-1, read.getJsonNumber("expires_at").longValue());
        RegistryClient.as(SERVER, robot.name(), secret).token(List.of("repository:" + project + "/x:pull"));
        for (String weak : new String[] {"Short-1", "alllowercase1", "ALLUPPERCASE1", "NoDigitsHere", "A1" + "b".repeat(127)}) {
            ApiClient.Response refused = ADMIN.post("/api/v2.0/robots", Json.createObjectBuilder(
                    RobotJson.project("weak-" + suffix(), project, "repository:pull")).add("secret", weak).build().toString());
            assertEquals("BAD_REQUEST", refused.expect(400).errorCode(), weak);
            assertFalse(refused.body().contains(weak), "a refused secret is not echoed");
        }
    }

    @Test
    void malformedRequestsAreBadRequests() {
        List<String> bodies = new ArrayList<>();
        for (String name : new String[] {"", "UPPER", "with+plus", "with$dollar", "-dash", "dot.", "a..b", "sp ace", "ü"}) {
            bodies.add(RobotJson.project(name, project, "repository:pull").toString());
        }
        bodies.add(RobotJson.create("lvl-" + suffix(), "global", -1, List.of(RobotJson.permission("project", project, "repository:pull"))).toString());
        bodies.add(RobotJson.create("nolevel-" + suffix(), "", -1, List.of(RobotJson.permission("project", project, "repository:pull"))).toString());
        for (long duration : new long[] {-2, -100, 1_000_001, Long.MAX_VALUE}) {
            bodies.add(RobotJson.create("dur-" + suffix(), "project", duration, List.of(RobotJson.permission("project", project, "repository:pull"))).toString());
        }
        bodies.add(RobotJson.create("none-" + suffix(), "project", -1, List.of()).toString());
        bodies.add(RobotJson.project("empty-" + suffix(), project).toString());
        bodies.add(RobotJson.project("unknown-resource-" + suffix(), project, "helm-chart:read").toString());
        bodies.add(RobotJson.project("unknown-action-" + suffix(), project, "repository:fly").toString());
        bodies.add(RobotJson.project("star-action-" + suffix(), project, "repository:*").toString());
        bodies.add(RobotJson.project("robot-update-" + suffix(), project, "robot:update").toString());
        bodies.add(RobotJson.project("system-only-" + suffix(), project, "registry:create").toString());
        bodies.add(RobotJson.create("sys-update-" + suffix(), "system", -1, List.of(RobotJson.permission("system", "/", "robot:update"))).toString());
        bodies.add(RobotJson.create("sys-config-" + suffix(), "system", -1, List.of(RobotJson.permission("system", "/", "configuration:update"))).toString());
        bodies.add(RobotJson.create("sys-project-res-" + suffix(), "system", -1, List.of(RobotJson.permission("system", "/", "repository:push"))).toString());
        bodies.add(RobotJson.create("sys-ns-" + suffix(), "system", -1, List.of(RobotJson.permission("system", project, "registry:list"))).toString());
        bodies.add(RobotJson.create("kind-" + suffix(), "system", -1, List.of(RobotJson.permission("global", "/", "registry:list"))).toString());
        bodies.add(RobotJson.create("proj-sys-" + suffix(), "project", -1, List.of(RobotJson.permission("system", "/", "registry:list"))).toString());
        bodies.add(RobotJson.create("proj-star-" + suffix(), "project", -1, List.of(RobotJson.permission("project", "*", "repository:pull"))).toString());
        bodies.add(RobotJson.create("proj-two-" + suffix(), "project", -1, List.of(RobotJson.permission("project", project, "repository:pull"),
                RobotJson.permission("project", project, "repository:push"))).toString());
        bodies.add(Json.createObjectBuilder(RobotJson.project("deny-" + suffix(), project)).add("permissions", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("kind", "project").add("namespace", project).add("access", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("resource", "repository").add("action", "pull").add("effect", "deny")))))
                .build().toString());
        bodies.add("{}");
        for (String body : bodies) {
            assertEquals("BAD_REQUEST", ADMIN.post("/api/v2.0/robots", body).expect(400).errorCode(), body);
        }
        String tooLong = "n".repeat(250);
        ADMIN.post("/api/v2.0/robots", RobotJson.project(tooLong, project, "repository:pull").toString()).expect(400);
        ADMIN.post("/api/v2.0/robots", RobotJson.project("missing-" + suffix(), RegistryClient.uniqueName("no-such"), "repository:pull").toString())
                .expect(404);
    }

    @Test
    void duplicateNamesConflict() {
        String name = "dup-" + suffix();
        RobotJson.post(ADMIN, RobotJson.project(name, project, "repository:pull"));
        assertEquals("CONFLICT", ADMIN.post("/api/v2.0/robots", RobotJson.project(name, project, "repository:push").toString())
                .expect(409).errorCode());
        // The same short name in another project, or at system level, is another robot.
        String other = RegistryClient.uniqueName("robots-dup");
        ADMIN.createProject(other, false);
        RobotJson.post(ADMIN, RobotJson.project(name, other, "repository:pull"));
        RobotJson.post(ADMIN, RobotJson.create(name, "system", -1, List.of(RobotJson.permission("system", "/", "registry:list"))));
        assertEquals("CONFLICT", ADMIN.post("/api/v2.0/robots",
                RobotJson.create(name, "system", -1, List.of(RobotJson.permission("system", "/", "registry:read"))).toString())
                .expect(409).errorCode());
    }

    @Test
    void listFiltersWithHarborsQueryAndPages() {
        String listed = RegistryClient.uniqueName("robots-list");
        long listedId = ADMIN.createProject(listed, false);
        List<RobotJson.Created> robots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            robots.add(RobotJson.post(ADMIN, RobotJson.project("r" + i, listed, "repository:pull")));
        }
        String harborQuery = "q=" + encode("Level=project,ProjectID=" + listedId);
        ApiClient.Response all = ADMIN.get("/api/v2.0/robots?" + harborQuery).expect(200);
        assertEquals("3", all.header("X-Total-Count"));
        assertEquals(robots.stream().map(RobotJson.Created::name).toList(), names(all.array()));
        for (JsonObject robot : all.array().getValuesAs(JsonObject.class)) {
            assertEquals(ROBOT, robot.keySet());
        }
        ApiClient.Response page = ADMIN.get("/api/v2.0/robots?" + harborQuery + "&page=2&page_size=2").expect(200);
        assertEquals(List.of(robots.get(2).name()), names(page.array()));
        assertTrue(page.header("Link").contains("rel=\"prev\""), page.header("Link"));
        assertEquals(List.of(robots.get(1).name()), names(ADMIN.get("/api/v2.0/robots?q="
                + encode("level=project,project_id=" + listedId + ",name=" + robots.get(1).name())).expect(200).array()));
        assertEquals(List.of(robots.get(1).name()), names(ADMIN.get("/api/v2.0/robots?q="
                + encode("project_id=" + listedId + ",name=" + listed + "+r1")).expect(200).array()), "name without the prefix");
        assertEquals(List.of(robots.get(2).name(), robots.get(1).name(), robots.get(0).name()), names(ADMIN.get("/api/v2.0/robots?q="
                + encode("project_id=" + listedId + ",name=~" + listed) + "&sort=-name").expect(200).array()));
        JsonArray systemOnly = ADMIN.get("/api/v2.0/robots?q=" + encode("Level=system") + "&page_size=100").expect(200).array();
        assertTrue(systemOnly.getValuesAs(JsonObject.class).stream().allMatch(r -> r.getString("level").equals("system")));
        assertTrue(Long.parseLong(ADMIN.get("/api/v2.0/robots").expect(200).header("X-Total-Count")) >= 3, "administrators see all");

        for (String query : new String[] {"q=" + encode("secret_hash=~pbkdf2"), "q=" + encode("creator=admin"),
                "q=" + encode("Level=global"), "q=" + encode("ProjectID=abc"), "q=" + encode("Level=~proj"),
                "q=" + encode("level=system,project_id=" + listedId), "q=" + encode("level=project,Level=project"),
                "sort=secret_hash", "page_size=101", "page=0"}) {
            assertEquals("BAD_REQUEST", ADMIN.get("/api/v2.0/robots?" + query).expect(400).errorCode(), query);
        }
        ADMIN.get("/api/v2.0/robots?q=" + encode("ProjectID=99999999")).expect(404);
    }

    @Test
    void updateChangesDescriptionDurationDisableAndPermissions() {
        RobotJson.Created created = RobotJson.post(ADMIN, RobotJson.project("upd-" + suffix(), project, "repository:pull"));
        JsonObject robot = ADMIN.get("/api/v2.0/robots/" + created.id()).expect(200).json();
        JsonObject edited = RobotJson.edit(robot, Json.createObjectBuilder()
                .add("description", "now also pushes")
                .add("duration", 3)
                .add("disable", true)
                .add("secret", "Injected-Secret-1")
                .add("expires_at", 4_000_000_000L)
                .add("creator_ref", 999)
                .add("permissions", Json.createArrayBuilder().add(RobotJson.permission("project", project,
                        "repository:pull", "repository:push", "tag:create")))
                .build());
        ADMIN.put("/api/v2.0/robots/" + created.id(), edited.toString()).expect(200);
        List<String> scope = List.of("repository:" + project + "/app:pull");
        assertEquals(401, RegistryClient.as(SERVER, created.name(), created.secret()).requestToken(scope).statusCode(), "disabled");

        JsonObject updated = ADMIN.get("/api/v2.0/robots/" + created.id()).expect(200).json();
        assertEquals("now also pushes", updated.getString("description"));
        assertEquals(3, updated.getInt("duration"));
        long creation = Instant.parse(updated.getString("creation_time")).getEpochSecond();
        assertEquals(creation + 3 * 86_400, updated.getJsonNumber("expires_at").longValue(), "counted from creation, as Harbor");
        assertTrue(updated.getBoolean("disable"));
        assertEquals(1, updated.getJsonNumber("creator_ref").longValue(), "creator_ref is not writable");
        assertEquals(List.of("repository:pull", "repository:push", "tag:create"),
                accesses(updated.getJsonArray("permissions").getJsonObject(0)));
        assertNotEquals(updated.getString("update_time"), robot.getString("update_time"));
        ADMIN.put("/api/v2.0/robots/" + created.id(), RobotJson.edit(updated, Json.createObjectBuilder().add("disable", false)
                .build()).toString()).expect(200);
        assertFalse(ADMIN.get("/api/v2.0/robots/" + created.id()).expect(200).json().getBoolean("disable"));
        RegistryClient.as(SERVER, created.name(), created.secret()).token(scope);
        assertEquals(401, RegistryClient.as(SERVER, created.name(), "Injected-Secret-1").requestToken(scope).statusCode(),
                "a PUT never sets the secret");

        for (JsonObject change : List.of(
                Json.createObjectBuilder().add("name", created.name() + "x").build(),
                Json.createObjectBuilder().add("level", "system").build(),
                Json.createObjectBuilder().add("duration", -5).build(),
                Json.createObjectBuilder().add("permissions", Json.createArrayBuilder()).build(),
                Json.createObjectBuilder().add("permissions", Json.createArrayBuilder().add(
                        RobotJson.permission("project", project, "robot:update"))).build())) {
            ADMIN.put("/api/v2.0/robots/" + created.id(), RobotJson.edit(updated, change).toString()).expect(400);
        }
        String other = RegistryClient.uniqueName("robots-move");
        ADMIN.createProject(other, false);
        assertEquals("BAD_REQUEST", ADMIN.put("/api/v2.0/robots/" + created.id(), RobotJson.edit(updated, Json.createObjectBuilder()
                .add("permissions", Json.createArrayBuilder().add(RobotJson.permission("project", other, "repository:pull"))).build())
                .toString()).expect(400).errorCode(), "a project robot stays in its project");
        ADMIN.put("/api/v2.0/robots/99999999", edited.toString()).expect(404);
    }

    @Test
    void refreshGeneratesOrSetsTheSecretAndOnlyTheNewOneWorks() {
        RobotJson.Created created = RobotJson.post(ADMIN, RobotJson.project("refresh-" + suffix(), project, "repository:pull"));
        List<String> scope = List.of("repository:" + project + "/app:pull");
        RegistryClient.as(SERVER, created.name(), created.secret()).token(scope);

        ApiClient.Response refreshed = ADMIN.send("PATCH", "/api/v2.0/robots/" + created.id(), "{}").expect(200);
        assertEquals(Set.of("secret"), refreshed.json().keySet());
        String generated = refreshed.json().getString("secret");
        assertSecretIsStrong(generated);
        assertNotEquals(created.secret(), generated);
        assertEquals("no-store", refreshed.header("Cache-Control"));
        assertEquals(401, RegistryClient.as(SERVER, created.name(), created.secret()).requestToken(scope).statusCode(),
                "the old secret stops working at once, though it was just remembered");
        RegistryClient.as(SERVER, created.name(), generated).token(scope);

        String emptyBody = ADMIN.send("PATCH", "/api/v2.0/robots/" + created.id(), null).expect(200).json().getString("secret");
        assertSecretIsStrong(emptyBody);
        String chosen = "Refreshed-Secret-2";
        assertEquals(chosen, ADMIN.send("PATCH", "/api/v2.0/robots/" + created.id(), "{\"secret\":\"" + chosen + "\"}")
                .expect(200).json().getString("secret"));
        RegistryClient.as(SERVER, created.name(), chosen).token(scope);
        assertEquals(401, RegistryClient.as(SERVER, created.name(), emptyBody).requestToken(scope).statusCode());

        for (String body : new String[] {"{\"secret\":\"weak\"}", "{\"secret\":12345678}", "[1]", "not json"}) {
            assertEquals("BAD_REQUEST", ADMIN.send("PATCH", "/api/v2.0/robots/" + created.id(), body).expect(400).errorCode(), body);
        }
        RegistryClient.as(SERVER, created.name(), chosen).token(scope);
        ADMIN.send("PATCH", "/api/v2.0/robots/99999999", "{}").expect(404);
    }

    @Test
    void deleteRemovesTheRobotAndItsLogins() {
        RobotJson.Created created = RobotJson.post(ADMIN, RobotJson.project("del-" + suffix(), project, "repository:pull"));
        List<String> scope = List.of("repository:" + project + "/app:pull");
        RegistryClient robot = RegistryClient.as(SERVER, created.name(), created.secret());
        robot.token(scope);
        assertEquals(200, RegistryClient.basic(SERVER, created.name(), created.secret()).get("/v2/").statusCode());

        ADMIN.delete("/api/v2.0/robots/" + created.id()).expect(200);
        ADMIN.get("/api/v2.0/robots/" + created.id()).expect(404);
        ADMIN.delete("/api/v2.0/robots/" + created.id()).expect(404);
        assertEquals(401, robot.requestToken(scope).statusCode());
        assertEquals(401, RegistryClient.basic(SERVER, created.name(), created.secret()).get("/v2/").statusCode());
        ADMIN.get("/api/v2.0/robots/not-a-number").expect(400);
    }

    @Test
    void robotsCannotSignInToTheConsole() {
        RobotJson.Created created = RobotJson.post(ADMIN, RobotJson.project("console-" + suffix(), project, "repository:pull",
                "project:read"));
        ApiClient.Response login = ApiClient.anonymous(SERVER).login(created.name(), created.secret());
        assertEquals(401, login.status(), login.body());
        assertTrue(login.allHeaders("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")), login.allHeaders("Set-Cookie").toString());
        // Basic on the API is how robots use it.
        ApiClient.basic(SERVER, created.name(), created.secret()).get("/api/v2.0/projects/" + project).expect(200);
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        ApiClient anonymous = ApiClient.anonymous(SERVER);
        RobotJson.Created created = RobotJson.post(ADMIN, RobotJson.project("anon-" + suffix(), project, "repository:pull"));
        anonymous.get("/api/v2.0/robots").expect(401);
        anonymous.get("/api/v2.0/robots?q=" + encode("Level=project,ProjectID=" + projectId)).expect(401);
        anonymous.get("/api/v2.0/robots/" + created.id()).expect(401);
        anonymous.post("/api/v2.0/robots", RobotJson.project("anon2-" + suffix(), project, "repository:pull").toString()).expect(401);
        anonymous.put("/api/v2.0/robots/" + created.id(), "{}").expect(401);
        anonymous.send("PATCH", "/api/v2.0/robots/" + created.id(), "{}").expect(401);
        anonymous.delete("/api/v2.0/robots/" + created.id()).expect(401);
    }

    /**
     * Secrets appear in the create and refresh answers and in no other answer, and never in the server's log,
     * whatever happens to the robot: used, refused, refreshed, read, listed, deleted.
     */
    @Test
    void secretsNeverReachReadsListsOrTheLog() throws IOException {
        List<String> secrets = new ArrayList<>();
        RobotJson.Created created = RobotJson.post(ADMIN, RobotJson.project("secret-" + suffix(), project, "repository:pull"));
        secrets.add(created.secret());
        RobotJson.Created chosen = RobotJson.post(ADMIN, Json.createObjectBuilder(RobotJson.project("secret-" + suffix(), project,
                "repository:pull")).add("secret", "Logged-Never-77").build());
        secrets.add(chosen.secret());
        RegistryClient.as(SERVER, created.name(), created.secret()).token(List.of("repository:" + project + "/a:pull"));
        RegistryClient.as(SERVER, created.name(), "Wrong-Secret-1").requestToken(List.of());
        ApiClient.anonymous(SERVER).login(created.name(), created.secret());
        secrets.add(ADMIN.send("PATCH", "/api/v2.0/robots/" + created.id(), "{}").expect(200).json().getString("secret"));
        ADMIN.send("PATCH", "/api/v2.0/robots/" + chosen.id(), "{\"secret\":\"weak\"}").expect(400);

        List<String> bodies = List.of(
                ADMIN.get("/api/v2.0/robots/" + created.id()).expect(200).body(),
                ADMIN.get("/api/v2.0/robots/" + chosen.id()).expect(200).body(),
                ADMIN.get("/api/v2.0/robots?q=" + encode("Level=project,ProjectID=" + projectId) + "&page_size=100").expect(200).body(),
                ADMIN.get("/api/v2.0/robots?page_size=100").expect(200).body());
        ADMIN.delete("/api/v2.0/robots/" + chosen.id()).expect(200);
        for (String body : bodies) {
            for (String secret : secrets) {
                assertFalse(body.contains(secret), "a secret in " + body);
            }
            assertFalse(body.contains("\"secret\""), body);
            assertFalse(body.toLowerCase().contains("pbkdf2"), body);
        }
        String log = Files.readString(SERVER.log(), StandardCharsets.UTF_8);
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "a robot secret in the server log " + SERVER.log());
        }
        assertFalse(log.contains("pbkdf2-sha256$"), "a secret hash in the server log " + SERVER.log());
    }

    static void assertSecretIsStrong(String secret) {
        assertTrue(secret.length() >= 32, secret.length() + " characters");
        assertTrue(secret.chars().anyMatch(Character::isUpperCase) && secret.chars().anyMatch(Character::isLowerCase)
                && secret.chars().anyMatch(Character::isDigit), "Harbor's complexity");
    }

    static List<String> accesses(JsonObject permission) {
        return permission.getJsonArray("access").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("resource") + ":" + a.getString("action")).toList();
    }

    static List<String> names(JsonArray robots) {
        return robots.getValuesAs(JsonObject.class).stream().map(r -> r.getString("name")).collect(Collectors.toList());
    }

    static String encode(String query) {
        return java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    static String suffix() {
        return RegistryClient.uniqueName("x").substring(2);
    }
}
