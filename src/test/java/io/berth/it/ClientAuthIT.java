package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real clients log in and are held to their roles, as against Harbor: skopeo with {@code --creds} and podman after
 * {@code podman login} push to a private project as a Developer and pull as a Guest; a Guest's push, and anonymous
 * pulls of the private project, are refused; an anonymous skopeo pulls a public image.
 */
class ClientAuthIT {

    private static final BerthServer SERVER = BerthServer.shared();
    private static final String PASSWORD = "Client-Auth-1t";

    private static ClientTools tools;
    private static CliTool skopeo;
    private static TestImages images;
    private static String project;
    private static String developer;
    private static String guest;

    @BeforeAll
    static void setUp() {
        tools = ClientTools.forClass(ClientAuthIT.class, SERVER.authority());
        skopeo = tools.skopeo();
        images = new TestImages(tools.newDirectory("images"));
        RegistryClient admin = new RegistryClient(SERVER);
        project = RegistryClient.uniqueName("clients");
        admin.createProject(project, false);
        developer = RegistryClient.uniqueName("cdev");
        guest = RegistryClient.uniqueName("cguest");
        admin.createUser(developer, PASSWORD);
        admin.createUser(guest, PASSWORD);
        admin.addMember(project, developer, 2);
        admin.addMember(project, guest, 3);
    }

    @AfterAll
    static void cleanUp() {
        if (tools != null) {
            tools.cleanUp();
        }
    }

    @Test
    void skopeoWithCredentialsPushesAndPullsAPrivateImage() {
        TestImages.Layout source = images.singlePlatform("private", "v1", 2);
        String repository = project + "/skopeo";

        skopeo.ok("copy", "--dest-tls-verify=false", "--dest-creds", developer + ":" + PASSWORD,
                source.reference("v1"), tools.docker(repository + ":v1"));

        TestImages.Layout back = new TestImages.Layout(tools.newDirectory("private-back"));
        skopeo.ok("copy", "--src-tls-verify=false", "--src-creds", guest + ":" + PASSWORD,
                tools.docker(repository + ":v1"), back.reference("v1"));
        assertEquals(source.manifestDigest("v1"), back.manifestDigest("v1"));

        CliTool.Result anonymous = skopeo.run("inspect", "--raw", "--tls-verify=false", "--no-creds", tools.docker(repository + ":v1"));
        assertRefused(anonymous);
        CliTool.Result guestPush = skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", guest + ":" + PASSWORD,
                source.reference("v1"), tools.docker(repository + ":guest"));
        assertRefused(guestPush);
        CliTool.Result wrongPassword = skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds", guest + ":wrong-password",
                tools.docker(repository + ":v1"));
        assertRefused(wrongPassword);
    }

    @Test
    void anonymousSkopeoPullsAPublicImage() {
        TestImages.Layout source = images.singlePlatform("public", "v1", 1);
        String repository = ClientTools.uniqueRepository("anonymous-pull");
        skopeo.ok("copy", "--dest-tls-verify=false", "--dest-creds", BerthServer.ADMIN + ":" + BerthServer.ADMIN_PASSWORD,
                source.reference("v1"), tools.docker(repository + ":v1"));

        TestImages.Layout back = new TestImages.Layout(tools.newDirectory("public-back"));
        skopeo.ok("copy", "--src-tls-verify=false", "--src-no-creds", tools.docker(repository + ":v1"), back.reference("v1"));

        assertEquals(source.manifestDigest("v1"), back.manifestDigest("v1"));
        assertRefused(skopeo.run("copy", "--dest-tls-verify=false", "--dest-no-creds", source.reference("v1"),
                tools.docker(repository + ":anonymous")));
    }

    @Test
    void podmanLogsInPushesAsADeveloperAndPullsAsAGuest() {
        TestImages.Layout source = images.singlePlatform("podman", "v1", 2);
        String seeded = project + "/podman-seed";
        skopeo.ok("copy", "--dest-tls-verify=false", "--dest-creds", developer + ":" + PASSWORD,
                source.reference("v1"), tools.docker(seeded + ":v1"));
        CliTool podman = tools.podman("auth");
        Path guestAuth = tools.directory().resolve("podman-guest-auth.json");
        Path developerAuth = tools.directory().resolve("podman-developer-auth.json");

        CliTool.Result badLogin = podman.run("login", "--tls-verify=false", "--authfile", guestAuth.toString(),
                "--username", guest, "--password", "wrong-password", SERVER.authority());
        assertNotEquals(0, badLogin.exitCode(), badLogin.describe());
        podman.ok("login", "--tls-verify=false", "--authfile", guestAuth.toString(), "--username", guest, "--password", PASSWORD, SERVER.authority());
        podman.ok("login", "--tls-verify=false", "--authfile", developerAuth.toString(), "--username", developer, "--password", PASSWORD, SERVER.authority());

        podman.ok(withPolicy("pull", "--tls-verify=false", "--authfile", guestAuth.toString(), tools.image(seeded + ":v1")));
        assertRefused(podman.run(withPolicy("push", "--tls-verify=false", "--authfile", guestAuth.toString(),
                tools.image(seeded + ":v1"), tools.image(project + "/podman-guest:v1"))));
        podman.ok(withPolicy("push", "--tls-verify=false", "--authfile", developerAuth.toString(),
                tools.image(seeded + ":v1"), tools.image(project + "/podman-pushed:v1")));

        CliTool.Result inspect = skopeo.ok("inspect", "--tls-verify=false", "--creds", guest + ":" + PASSWORD,
                tools.docker(project + "/podman-pushed:v1"));
        assertEquals(List.of("v1"), TestImages.strings(TestImages.json(inspect.stdoutBytes()), "RepoTags"), inspect.describe());
    }

    /** The client failed because Berth said no, not for some other reason. */
    private static void assertRefused(CliTool.Result result) {
        assertNotEquals(0, result.exitCode(), result.describe());
        String said = (result.stderr() + result.stdout()).toLowerCase(Locale.ROOT);
        assertTrue(said.contains("unauthorized") || said.contains("authentication required") || said.contains("denied"),
                "refused for lack of rights\n" + result.describe());
    }

    private static String[] withPolicy(String command, String... arguments) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(tools.podmanPolicyFlag());
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
    }
}
