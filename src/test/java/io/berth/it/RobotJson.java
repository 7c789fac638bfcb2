package io.berth.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Bodies of Harbor's robot API ({@code RobotCreate}, {@code Robot} for PUT, {@code RobotPermission}) for the robot
 * tests, written as a script against Harbor would write them. Accesses are {@code "resource:action"} strings.
 * <pre>
 * String body = RobotJson.project("ci", "my-project", "repository:pull", "repository:push").toString();
 * JsonObject everywhere = RobotJson.permission("project", "*", "repository:pull");
 * String system = RobotJson.create("ops", "system", -1, List.of(RobotJson.permission("system", "/", "registry:list"))).toString();
 * </pre>
 */
final class RobotJson {

    /** What {@code POST /robots} answered: the id, the full name and the secret, shown only then. */
    record Created(long id, String name, String secret) {

        static Created of(ApiClient.Response response) {
            response.expect(201);
            JsonObject body = response.json();
            return new Created(body.getJsonNumber("id").longValue(), body.getString("name"), body.getString("secret"));
        }
    }

    private RobotJson() {
    }

    /** {@code POST /api/v2.0/robots} as {@code client}; fails the test unless 201. */
    static Created post(ApiClient client, JsonObject body) {
        return Created.of(client.post("/api/v2.0/robots", body.toString()));
    }

    /** A project robot with one permission entry of kind project in {@code project}, never expiring. */
    static JsonObject project(String name, String project, String... accesses) {
        return create(name, "project", -1, List.of(permission("project", project, accesses)));
    }

    /** {@code RobotCreate} with a description and {@code disable: false}. */
    static JsonObject create(String name, String level, long duration, List<JsonObject> permissions) {
        return builder(name, level, duration, permissions).build();
    }

    static JsonObjectBuilder builder(String name, String level, long duration, List<JsonObject> permissions) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        permissions.forEach(array::add);
        return Json.createObjectBuilder()
                .add("name", name)
                .add("description", "robot of an integration test")
                .add("level", level)
                .add("duration", duration)
                .add("disable", false)
                .add("permissions", array);
    }

    /** {@code RobotPermission} of {@code kind} in {@code namespace}. */
    static JsonObject permission(String kind, String namespace, String... accesses) {
        JsonArrayBuilder access = Json.createArrayBuilder();
        for (String resourceAction : accesses) {
            int colon = resourceAction.lastIndexOf(':');
            access.add(Json.createObjectBuilder()
                    .add("resource", resourceAction.substring(0, colon))
                    .add("action", resourceAction.substring(colon + 1)));
        }
        return Json.createObjectBuilder().add("kind", kind).add("namespace", namespace).add("access", access).build();
    }

    /** {@code robot} as read back, with {@code changes} applied: the body of a PUT, as Harbor's console sends it. */
    static JsonObject edit(JsonObject robot, JsonObject changes) {
        JsonObjectBuilder edited = Json.createObjectBuilder(robot);
        changes.forEach(edited::add);
        return edited.build();
    }
}
