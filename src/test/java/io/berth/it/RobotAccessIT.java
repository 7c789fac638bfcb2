package io.berth.it;

import static io.berth.it.OciAssert.assertError;
import static io.berth.it.OciAssert.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Robot accounts (Harbor's robot v2, created through {@code POST /api/v2.0/robots}) on {@code /v2/}: their tokens
 * carry exactly their grants, in their project only, and they push and pull with the token exchange like any client.
 */
class RobotAccessIT {

    private static final BerthServer SERVER = BerthServer.shared();
    private static String project;
    private static String otherProject;
    private static Robot pusher;
    private static Robot puller;

    private final RegistryClient admin = new RegistryClient(SERVER);

    record Robot(String name, String secret) {
    }

    @BeforeAll
    static void robots() {
        RegistryClient admin = new RegistryClient(SERVER);
        project = RegistryClient.uniqueName("robots");
        otherProject = RegistryClient.uniqueName("robots-other");
        admin.createProject(project, false);
        admin.createProject(otherProject, false);
        pusher = create(admin, "ci", List.of("pull", "push"));
        puller = create(admin, "reader", List.of("pull"));
    }

    @Test
    void aRobotTokenCarriesItsGrantsInItsProjectOnly() {
        RegistryClient robot = RegistryClient.as(SERVER, pusher.name(), pusher.secret());
        assertEquals(Map.of("repository " + project + "/app", List.of("pull", "push"),
                        "repository " + otherProject + "/app", List.of(),
                        "repository library/app", List.of("pull"),
                        "registry catalog", List.of()),
                TokenServiceIT.access(robot.token(List.of("repository:" + project + "/app:pull,push,delete",
                        "repository:" + otherProject + "/app:pull", "repository:library/app:pull,push", "registry:catalog:*"))));
    }

    @Test
    void aRobotPushesAndAReadOnlyRobotPullsButCannotPush() {
        String repository = project + "/app-" + RegistryClient.uniqueName("r");
        RegistryClient.Image image = RegistryClient.as(SERVER, pusher.name(), pusher.secret()).pushImage(repository, "v1", repository);

        RegistryClient reader = RegistryClient.as(SERVER, puller.name(), puller.secret());
        HttpResponse<byte[]> pulled = reader.get("/v2/" + repository + "/manifests/v1", List.of(RegistryClient.OCI_MANIFEST));
        assertStatus(200, pulled);
        assertEquals(image.digest(), OciAssert.header(pulled, "Docker-Content-Digest"));
        assertError(reader.startUpload(repository), 401, "UNAUTHORIZED");
        assertError(RegistryClient.basic(SERVER, puller.name(), puller.secret()).startUpload(repository), 403, "DENIED");
        assertError(reader.get("/v2/" + otherProject + "/app/tags/list"), 401, "UNAUTHORIZED");
    }

    @Test
    void aWrongSecretIsRefused() {
        assertStatus(401, RegistryClient.as(SERVER, pusher.name(), "not-the-secret").requestToken(List.of()));
        assertTrue(RegistryClient.basic(SERVER, pusher.name(), "not-the-secret").get("/v2/").statusCode() == 401);
    }

    /** A project robot with the given repository actions, through Harbor's robots API. */
    private static Robot create(RegistryClient admin, String name, List<String> actions) {
        StringBuilder access = new StringBuilder();
        for (String action : actions) {
            access.append(access.isEmpty() ? "" : ",").append("{\"resource\":\"repository\",\"action\":\"").append(action).append("\"}");
        }
        String body = "{\"name\":\"" + name + "\",\"description\":\"integration test\",\"level\":\"project\",\"duration\":-1,"
                + "\"disable\":false,\"permissions\":[{\"kind\":\"project\",\"namespace\":\"" + project + "\",\"access\":[" + access + "]}]}";
        HttpResponse<byte[]> response = admin.sendAsIs(admin.adminApi("/api/v2.0/robots")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /api/v2.0/robots answered " + response.statusCode()
                    + " (the Harbor robots API is needed for this test): " + RegistryClient.text(response));
        }
        JsonObject created = OciAssert.json(response);
        return new Robot(created.getString("name"), created.getString("secret"));
    }
}
