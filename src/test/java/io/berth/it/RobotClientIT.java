package io.berth.it;

import static io.berth.it.OciAssert.assertError;
import static io.berth.it.OciAssert.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Robot accounts with a real client, as CI pipelines use them against Harbor: skopeo with
 * {@code --dest-creds 'robot$project+name:secret'} pushes and pulls in the robot's project and is refused in another;
 * a robot that may push but not delete cannot delete, by token or by Basic.
 */
class RobotClientIT {

    private static final BerthServer SERVER = BerthServer.shared();
    private static final ApiClient ADMIN = ApiClient.admin(SERVER);

    private static ClientTools tools;
    private static CliTool skopeo;
    private static TestImages images;
    private static String project;
    private static String otherProject;
    private static RobotJson.Created pusher;

    @BeforeAll
    static void setUp() {
        tools = ClientTools.forClass(RobotClientIT.class, SERVER.authority());
        skopeo = tools.skopeo();
        images = new TestImages(tools.newDirectory("images"));
        project = RegistryClient.uniqueName("robot-ci");
        otherProject = RegistryClient.uniqueName("robot-ci-other");
        ADMIN.createProject(project, false);
        ADMIN.createProject(otherProject, false);
        pusher = RobotJson.post(ADMIN, RobotJson.project("pipeline", project, "repository:pull", "repository:push"));
    }

    @AfterAll
    static void cleanUp() {
        if (tools != null) {
            tools.cleanUp();
        }
    }

    @Test
    void skopeoPushesAndPullsAsAProjectRobotAndIsRefusedInAnotherProject() {
        String credentials = pusher.name() + ":" + pusher.secret();
        assertTrue(credentials.startsWith("robot$" + project + "+pipeline:"), "Harbor's robot name format");
        TestImages.Layout source = images.singlePlatform("robot", "v1", 1);
        skopeo.ok("copy", "--dest-tls-verify=false", "--dest-creds", credentials, source.reference("v1"),
                tools.docker(project + "/app:v1"));

        TestImages.Layout back = new TestImages.Layout(tools.newDirectory("robot-back"));
        skopeo.ok("copy", "--src-tls-verify=false", "--src-creds", credentials, tools.docker(project + "/app:v1"), back.reference("v1"));
        assertEquals(source.manifestDigest("v1"), back.manifestDigest("v1"));

        assertRefused(skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", credentials, source.reference("v1"),
                tools.docker(otherProject + "/app:v1")));
        skopeo.ok("copy", "--dest-tls-verify=false", "--dest-creds", BerthServer.ADMIN + ":" + BerthServer.ADMIN_PASSWORD,
                source.reference("v1"), tools.docker(otherProject + "/app:v1"));
        assertRefused(skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds", credentials, tools.docker(otherProject + "/app:v1")));
    }

    @Test
    void aRobotThatMayPushCannotDelete() {
        String repository = project + "/keep-" + RegistryClient.uniqueName("r");
        RegistryClient.Image image = RegistryClient.as(SERVER, pusher.name(), pusher.secret()).pushImage(repository, "v1", repository);
        String manifest = "/v2/" + repository + "/manifests/" + image.digest();

        assertError(RegistryClient.as(SERVER, pusher.name(), pusher.secret()).delete(manifest), 401, "UNAUTHORIZED");
        assertError(RegistryClient.basic(SERVER, pusher.name(), pusher.secret()).delete(manifest), 403, "DENIED");
        CliTool.Result deleted = skopeo.run("delete", "--tls-verify=false", "--creds", pusher.name() + ":" + pusher.secret(),
                tools.docker(repository + ":v1"));
        assertRefused(deleted);

        HttpResponse<byte[]> still = new RegistryClient(SERVER).get(manifest, List.of(RegistryClient.OCI_MANIFEST));
        assertStatus(200, still);
    }

    /** The client failed because Berth said no, not for some other reason. */
    private static void assertRefused(CliTool.Result result) {
        assertNotEquals(0, result.exitCode(), result.describe());
        String said = (result.stderr() + result.stdout()).toLowerCase(Locale.ROOT);
        assertTrue(said.contains("unauthorized") || said.contains("authentication required") || said.contains("denied"),
                "refused for lack of rights\n" + result.describe());
    }
}
