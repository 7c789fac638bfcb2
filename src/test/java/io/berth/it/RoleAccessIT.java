package io.berth.it;

import static io.berth.it.OciAssert.assertError;
import static io.berth.it.OciAssert.assertStatus;
import static io.berth.it.OciAssert.header;
import static io.berth.it.RegistryClient.randomBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What project roles allow on {@code /v2/}, for users made through Harbor's users and members API: a Developer
 * pushes to a private project, a Guest pulls but cannot push, a Maintainer deletes, a non-member gets nothing, and
 * nobody but an administrator lists the catalog. Tokens carry exactly the intersection of request and role; HTTP
 * Basic callers without the right are denied ({@code 403}), token callers challenged ({@code 401}).
 */
class RoleAccessIT {

    private static final BerthServer SERVER = BerthServer.shared();
    private static final String PASSWORD = "Role-Access-1t";
    private static final int DEVELOPER = 2;
    private static final int GUEST = 3;
    private static final int MAINTAINER = 4;

    private static String project;
    private static String otherProject;
    private static String developer;
    private static String guest;
    private static String maintainer;
    private static String outsider;

    private final RegistryClient admin = new RegistryClient(SERVER);

    @BeforeAll
    static void usersAndMembers() {
        RegistryClient admin = new RegistryClient(SERVER);
        project = RegistryClient.uniqueName("roles");
        otherProject = RegistryClient.uniqueName("roles-other");
        admin.createProject(project, false);
        admin.createProject(otherProject, false);
        developer = RegistryClient.uniqueName("dev");
        guest = RegistryClient.uniqueName("guest");
        maintainer = RegistryClient.uniqueName("maint");
        outsider = RegistryClient.uniqueName("outsider");
        for (String user : List.of(developer, guest, maintainer, outsider)) {
            admin.createUser(user, PASSWORD);
        }
        admin.addMember(project, developer, DEVELOPER);
        admin.addMember(project, guest, GUEST);
        admin.addMember(project, maintainer, MAINTAINER);
        admin.addMember(otherProject, developer, GUEST);
    }

    @Test
    void tokensGrantTheIntersectionOfRequestAndRole() {
        List<String> scopes = List.of("repository:" + project + "/app:pull,push,delete", "registry:catalog:*");
        assertEquals(Map.of("repository " + project + "/app", List.of("pull", "push"), "registry catalog", List.of()),
                TokenServiceIT.access(user(developer).token(scopes)));
        assertEquals(Map.of("repository " + project + "/app", List.of("pull"), "registry catalog", List.of()),
                TokenServiceIT.access(user(guest).token(scopes)));
        assertEquals(Map.of("repository " + project + "/app", List.of("pull", "push", "delete"), "registry catalog", List.of()),
                TokenServiceIT.access(user(maintainer).token(scopes)));
        assertEquals(Map.of("repository " + project + "/app", List.of(), "registry catalog", List.of()),
                TokenServiceIT.access(user(outsider).token(scopes)));
        assertEquals(Map.of("repository library/app", List.of("pull")),
                TokenServiceIT.access(user(outsider).token(List.of("repository:library/app:pull,push"))));
    }

    @Test
    void aDeveloperPushesAGuestPullsAndCannotPushAMaintainerDeletes() {
        String repository = project + "/app-" + RegistryClient.uniqueName("r");
        RegistryClient.Image image = user(developer).pushImage(repository, "v1", repository);

        assertStatus(200, user(guest).get("/v2/" + repository + "/manifests/v1", List.of(RegistryClient.OCI_MANIFEST)));
        HttpResponse<byte[]> guestPush = user(guest).startUpload(repository);
        assertError(guestPush, 401, "UNAUTHORIZED");
        assertTrue(header(guestPush, "WWW-Authenticate").endsWith("scope=\"repository:" + repository + ":pull,push\",error=\"insufficient_scope\""),
                header(guestPush, "WWW-Authenticate"));
        assertError(user(developer).delete("/v2/" + repository + "/manifests/" + image.digest()), 401, "UNAUTHORIZED");
        assertError(user(outsider).get("/v2/" + repository + "/manifests/v1"), 401, "UNAUTHORIZED");
        assertError(RegistryClient.anonymous(SERVER).get("/v2/" + repository + "/manifests/v1"), 401, "UNAUTHORIZED");

        assertStatus(202, user(maintainer).delete("/v2/" + repository + "/manifests/" + image.digest()));
    }

    @Test
    void onlyAdministratorsListTheCatalog() {
        assertError(user(developer).get("/v2/_catalog"), 401, "UNAUTHORIZED");
        assertError(RegistryClient.basic(SERVER, developer, PASSWORD).get("/v2/_catalog"), 403, "DENIED");
        assertStatus(200, admin.get("/v2/_catalog"));
    }

    @Test
    void basicCallersWithoutTheRightAreDenied() {
        String repository = project + "/basic-" + RegistryClient.uniqueName("r");
        RegistryClient.basic(SERVER, developer, PASSWORD).pushImage(repository, "v1", repository);

        assertStatus(200, RegistryClient.basic(SERVER, guest, PASSWORD).get("/v2/" + repository + "/tags/list"));
        assertError(RegistryClient.basic(SERVER, guest, PASSWORD).startUpload(repository), 403, "DENIED");
        assertError(RegistryClient.basic(SERVER, outsider, PASSWORD).get("/v2/" + repository + "/tags/list"), 403, "DENIED");
        // A project that does not exist answers exactly as one the caller cannot see.
        assertError(RegistryClient.basic(SERVER, outsider, PASSWORD).get("/v2/" + RegistryClient.uniqueName("nope") + "/x/tags/list"),
                403, "DENIED");
    }

    @Test
    void aMountFromAProjectTheCallerCannotReadStartsAnUpload() {
        String secret = RegistryClient.uniqueName("roles-secret");
        admin.createProject(secret, false);
        String digest = admin.pushBlob(secret + "/hidden", randomBytes(1200, 51));
        String target = project + "/mounted-" + RegistryClient.uniqueName("r");

        for (RegistryClient client : List.of(user(developer), RegistryClient.basic(SERVER, developer, PASSWORD))) {
            HttpResponse<byte[]> response = client.send(client.request("/v2/" + target + "/blobs/uploads/?mount=" + digest
                    + "&from=" + secret + "/hidden").POST(HttpRequest.BodyPublishers.noBody()).build());
            assertStatus(202, response);
        }
        assertError(admin.head("/v2/" + target + "/blobs/" + digest), 404, "BLOB_UNKNOWN");

        // From a project the developer can read (Guest in otherProject), the mount happens.
        String readable = admin.pushBlob(otherProject + "/shared", randomBytes(1200, 52));
        RegistryClient dev = user(developer);
        assertStatus(201, dev.send(dev.request("/v2/" + target + "/blobs/uploads/?mount=" + readable + "&from=" + otherProject + "/shared")
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    private static RegistryClient user(String name) {
        return RegistryClient.as(SERVER, name, PASSWORD);
    }
}
