package io.berth.it;

import static io.berth.it.OciAssert.assertBody;
import static io.berth.it.OciAssert.assertError;
import static io.berth.it.OciAssert.assertStatus;
import static io.berth.it.OciAssert.header;
import static io.berth.it.RegistryClient.randomBytes;
import static io.berth.it.RegistryClient.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code /v2/<name>/blobs/<digest>}: HEAD, GET with and without ranges, DELETE, and project scoping of blobs. */
class OciBlobsIT {

    private final RegistryClient registry = new RegistryClient(BerthServer.shared());

    @Test
    void headAnswersSizeAndDigestWithoutABody() {
        String repository = RegistryClient.uniqueRepository("blobs-it");
        byte[] content = randomBytes(1000, 1);
        String digest = registry.pushBlob(repository, content);

        HttpResponse<byte[]> head = registry.head("/v2/" + repository + "/blobs/" + digest);

        assertStatus(200, head);
        assertEquals("1000", header(head, "Content-Length"));
        assertEquals(digest, header(head, "Docker-Content-Digest"));
        assertEquals(0, head.body().length);
    }

    @Test
    void getReturnsTheExactBytesWithTheirHeaders() {
        String repository = RegistryClient.uniqueRepository("blobs-it");
        byte[] content = randomBytes(70_000, 2);
        String digest = registry.pushBlob(repository, content);

        HttpResponse<byte[]> get = registry.get("/v2/" + repository + "/blobs/" + digest);

        assertStatus(200, get);
        assertBody(content, get);
        assertEquals("70000", header(get, "Content-Length"));
        assertEquals(digest, header(get, "Docker-Content-Digest"));
        assertEquals("application/octet-stream", header(get, "Content-Type"));
    }

    @Test
    void rangeGetAnswersPartialContent() {
        String repository = RegistryClient.uniqueRepository("blobs-it");
        byte[] content = randomBytes(1000, 3);
        String path = "/v2/" + repository + "/blobs/" + registry.pushBlob(repository, content);

        HttpResponse<byte[]> middle = registry.send(registry.request(path).header("Range", "bytes=100-199").GET().build());
        assertStatus(206, middle);
        assertEquals("bytes 100-199/1000", header(middle, "Content-Range"));
        assertEquals("100", header(middle, "Content-Length"));
        assertBody(Arrays.copyOfRange(content, 100, 200), middle);

        HttpResponse<byte[]> openEnded = registry.send(registry.request(path).header("Range", "bytes=900-").GET().build());
        assertStatus(206, openEnded);
        assertEquals("bytes 900-999/1000", header(openEnded, "Content-Range"));
        assertBody(Arrays.copyOfRange(content, 900, 1000), openEnded);

        HttpResponse<byte[]> beyondTheEnd = registry.send(registry.request(path).header("Range", "bytes=990-5000").GET().build());
        assertStatus(206, beyondTheEnd);
        assertEquals("bytes 990-999/1000", header(beyondTheEnd, "Content-Range"));
        assertBody(Arrays.copyOfRange(content, 990, 1000), beyondTheEnd);
    }

    @Test
    void suffixRangeAnswersTheLastBytes() {
        String repository = RegistryClient.uniqueRepository("blobs-it");
        byte[] content = randomBytes(1000, 4);
        String path = "/v2/" + repository + "/blobs/" + registry.pushBlob(repository, content);

        HttpResponse<byte[]> suffix = registry.send(registry.request(path).header("Range", "bytes=-10").GET().build());

        assertStatus(206, suffix);
        assertEquals("bytes 990-999/1000", header(suffix, "Content-Range"));
        assertEquals("10", header(suffix, "Content-Length"));
        assertBody(Arrays.copyOfRange(content, 990, 1000), suffix);
    }

    @Test
    void unsatisfiableRangeIs416WithTheSize() {
        String repository = RegistryClient.uniqueRepository("blobs-it");
        byte[] content = randomBytes(1000, 5);
        String path = "/v2/" + repository + "/blobs/" + registry.pushBlob(repository, content);

        HttpResponse<byte[]> pastTheEnd = registry.send(registry.request(path).header("Range", "bytes=1000-1100").GET().build());
        assertError(pastTheEnd, 416, "RANGE_INVALID");
        assertEquals("bytes */1000", header(pastTheEnd, "Content-Range"));

        HttpResponse<byte[]> backwards = registry.send(registry.request(path).header("Range", "bytes=500-100").GET().build());
        assertError(backwards, 416, "RANGE_INVALID");
        assertEquals("bytes */1000", header(backwards, "Content-Range"));
    }

    @Test
    void unknownBlobIs404BlobUnknown() {
        String repository = RegistryClient.uniqueRepository("blobs-it");
        registry.pushBlob(repository, randomBytes(10, 6));
        String absent = sha256(randomBytes(10, 7));

        assertError(registry.get("/v2/" + repository + "/blobs/" + absent), 404, "BLOB_UNKNOWN");
        assertError(registry.head("/v2/" + repository + "/blobs/" + absent), 404, "BLOB_UNKNOWN");
    }

    @Test
    void malformedDigestIs400DigestInvalid() {
        String repository = RegistryClient.uniqueRepository("blobs-it");

        assertError(registry.get("/v2/" + repository + "/blobs/sha256:not-hex"), 400, "DIGEST_INVALID");
        assertError(registry.get("/v2/" + repository + "/blobs/md5:d41d8cd98f00b204e9800998ecf8427e"), 400, "DIGEST_INVALID");
    }

    @Test
    void aBlobPushedToOneRepositoryIsVisibleFromAnotherOfTheSameProject() {
        String first = RegistryClient.uniqueRepository("blobs-it");
        String second = RegistryClient.uniqueRepository("blobs-it");
        byte[] content = randomBytes(500, 8);
        String digest = registry.pushBlob(first, content);

        HttpResponse<byte[]> get = registry.get("/v2/" + second + "/blobs/" + digest);

        assertStatus(200, get);
        assertBody(content, get);
    }

    @Test
    void aBlobPushedToOneProjectIsNotVisibleFromAnother() {
        String otherProject = RegistryClient.uniqueName("blobs-it-b");
        registry.createProject(otherProject);
        String repository = RegistryClient.uniqueRepository("blobs-it");
        byte[] content = randomBytes(500, 9);
        String digest = registry.pushBlob(repository, content);
        String elsewhere = otherProject + "/probe";

        assertError(registry.head("/v2/" + elsewhere + "/blobs/" + digest), 404, "BLOB_UNKNOWN");
        assertError(registry.get("/v2/" + elsewhere + "/blobs/" + digest), 404, "BLOB_UNKNOWN");
        // Nor can a manifest in the other project lean on it.
        byte[] manifest = RegistryClient.imageManifest(RegistryClient.OCI_MANIFEST, RegistryClient.OCI_CONFIG, digest,
                content.length, RegistryClient.OCI_LAYER, digest, content.length);
        assertError(registry.putManifest(elsewhere, "v1", RegistryClient.OCI_MANIFEST, manifest), 400, "MANIFEST_BLOB_UNKNOWN");
    }

    @Test
    void deleteRemovesTheBlobFromTheRepository() {
        String repository = RegistryClient.uniqueRepository("blobs-it");
        String digest = registry.pushBlob(repository, randomBytes(300, 10));
        String path = "/v2/" + repository + "/blobs/" + digest;

        assertStatus(202, registry.delete(path));

        assertError(registry.head(path), 404, "BLOB_UNKNOWN");
        assertError(registry.get(path), 404, "BLOB_UNKNOWN");
        assertError(registry.delete(path), 404, "BLOB_UNKNOWN");

        // Pushed again, it is back.
        registry.pushBlob(repository, randomBytes(300, 10));
        assertStatus(200, registry.get(path));
    }

    @Test
    void aBlobThatAnImageNeedsCannotBeDeleted() {
        String repository = RegistryClient.uniqueRepository("blobs-it");
        RegistryClient.Image image = registry.pushImage(repository, "v1", repository);
        String layer = "/v2/" + repository + "/blobs/" + image.layerDigest();

        assertError(registry.delete(layer), 403, "DENIED");

        assertStatus(200, registry.get(layer));
        assertStatus(200, registry.get("/v2/" + repository + "/manifests/v1"));
    }

    @Test
    void anEmptyBlobHasLengthZero() {
        String repository = RegistryClient.uniqueRepository("blobs-it");
        String digest = registry.pushBlob(repository, new byte[0]);
        String path = "/v2/" + repository + "/blobs/" + digest;

        HttpResponse<byte[]> head = registry.head(path);
        assertStatus(200, head);
        assertEquals("0", header(head, "Content-Length"));
        HttpResponse<byte[]> get = registry.get(path);
        assertStatus(200, get);
        assertEquals(0, get.body().length);
        // A client resuming at offset 0 gets the (empty) whole, not a 416.
        HttpResponse<byte[]> ranged = registry.send(registry.request(path).header("Range", "bytes=0-").GET().build());
        assertStatus(200, ranged);
        assertEquals(0, ranged.body().length);
    }
}
