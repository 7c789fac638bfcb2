package io.berth.it;

import static io.berth.it.OciAssert.assertBody;
import static io.berth.it.OciAssert.assertError;
import static io.berth.it.OciAssert.assertStatus;
import static io.berth.it.OciAssert.header;
import static io.berth.it.RegistryClient.location;
import static io.berth.it.RegistryClient.randomBytes;
import static io.berth.it.RegistryClient.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Cross-repository blob mount, {@code POST /v2/<name>/blobs/uploads/?mount=<digest>&from=<repository>}:
 * 201 when the source has the blob, otherwise a normal 202 upload session the client continues with.
 */
class OciMountIT {

    private final RegistryClient registry = new RegistryClient(BerthServer.shared());

    @Test
    void mountFromARepositoryOfTheSameProject() {
        String source = RegistryClient.uniqueRepository("mount-it");
        String target = RegistryClient.uniqueRepository("mount-it");
        byte[] content = randomBytes(2000, 1);
        String digest = registry.pushBlob(source, content);

        HttpResponse<byte[]> mounted = mount(target, digest, source);

        assertStatus(201, mounted);
        assertEquals("/v2/" + target + "/blobs/" + digest, location(mounted));
        assertEquals(digest, header(mounted, "Docker-Content-Digest"));
        assertBody(content, registry.get(location(mounted)));
    }

    @Test
    void mountFromAnotherProject() {
        String otherProject = RegistryClient.uniqueName("mount-it-b");
        registry.createProject(otherProject);
        String source = RegistryClient.uniqueRepository("mount-it");
        String target = otherProject + "/app";
        byte[] content = randomBytes(2000, 2);
        String digest = registry.pushBlob(source, content);
        assertError(registry.head("/v2/" + target + "/blobs/" + digest), 404, "BLOB_UNKNOWN");

        HttpResponse<byte[]> mounted = mount(target, digest, source);

        assertStatus(201, mounted);
        assertEquals("/v2/" + target + "/blobs/" + digest, location(mounted));
        assertBody(content, registry.get(location(mounted)));
    }

    @Test
    void mountFromAProjectThatDoesNotExistStartsAnUpload() {
        String target = RegistryClient.uniqueRepository("mount-it");
        byte[] content = randomBytes(1000, 3);
        String digest = sha256(content);

        HttpResponse<byte[]> fallback = mount(target, digest, RegistryClient.uniqueName("noproject") + "/app");

        assertUsableUploadSession(target, fallback, content);
    }

    @Test
    void mountWithoutFromStartsAnUpload() {
        String source = RegistryClient.uniqueRepository("mount-it");
        String target = RegistryClient.uniqueRepository("mount-it");
        byte[] content = randomBytes(1000, 4);
        String digest = registry.pushBlob(source, content);

        HttpResponse<byte[]> fallback = registry.send(registry.request("/v2/" + target + "/blobs/uploads/?mount=" + digest)
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertUsableUploadSession(target, fallback, content);
    }

    @Test
    void mountOfABlobTheSourceDoesNotHaveStartsAnUpload() {
        String source = RegistryClient.uniqueRepository("mount-it");
        String target = RegistryClient.uniqueRepository("mount-it");
        registry.pushBlob(source, randomBytes(1000, 5));
        byte[] content = randomBytes(1000, 6);

        HttpResponse<byte[]> fallback = mount(target, sha256(content), source);

        assertUsableUploadSession(target, fallback, content);
    }

    @Test
    void aMountBerthCannotReadStartsAnUpload() {
        String source = RegistryClient.uniqueRepository("mount-it");
        String target = RegistryClient.uniqueRepository("mount-it");
        byte[] content = randomBytes(1000, 8);
        String digest = registry.pushBlob(source, content);

        // A name without a project (Docker Hub style) cannot be a Berth repository; nor is "latest" a digest.
        assertUsableUploadSession(target, mount(target, digest, "busybox"), content);
        assertUsableUploadSession(target, mount(target, "latest", source), content);
    }

    @Test
    void mountIntoAProjectThatDoesNotExistIs404NameUnknown() {
        String source = RegistryClient.uniqueRepository("mount-it");
        String digest = registry.pushBlob(source, randomBytes(100, 7));

        assertError(mount(RegistryClient.uniqueName("noproject") + "/app", digest, source), 404, "NAME_UNKNOWN");
    }

    private HttpResponse<byte[]> mount(String target, String digest, String from) {
        return registry.send(registry.request("/v2/" + target + "/blobs/uploads/?mount=" + digest + "&from=" + from)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A 202 is an ordinary upload session: the client sends the blob there and it arrives. */
    private void assertUsableUploadSession(String target, HttpResponse<byte[]> response, byte[] content) {
        assertStatus(202, response);
        assertNotNull(header(response, "Docker-Upload-UUID"));
        assertEquals("/v2/" + target + "/blobs/uploads/" + header(response, "Docker-Upload-UUID"), location(response));
        HttpResponse<byte[]> put = registry.completeUpload(location(response), sha256(content), content);
        assertStatus(201, put);
        assertBody(content, registry.get(location(put)));
    }
}
