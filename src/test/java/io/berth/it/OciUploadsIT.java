package io.berth.it;

import static io.berth.it.OciAssert.assertBody;
import static io.berth.it.OciAssert.assertError;
import static io.berth.it.OciAssert.assertStatus;
import static io.berth.it.OciAssert.header;
import static io.berth.it.RegistryClient.location;
import static io.berth.it.RegistryClient.randomBytes;
import static io.berth.it.RegistryClient.sha256;
import static io.berth.it.RegistryClient.sha512;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code /v2/<name>/blobs/uploads/}: monolithic, POST-then-PUT, chunked and streamed uploads, status,
 * cancellation, digest checks and concurrency, as the OCI conformance suite's push tests exercise them.
 */
class OciUploadsIT {

    private final RegistryClient registry = new RegistryClient(BerthServer.shared());

    @Test
    void monolithicPostWithDigestCreatesTheBlob() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(4096, 1);
        String digest = sha256(content);

        HttpResponse<byte[]> post = registry.post("/v2/" + repository + "/blobs/uploads/?digest=" + digest, content);

        assertStatus(201, post);
        assertEquals("/v2/" + repository + "/blobs/" + digest, location(post));
        assertEquals(digest, header(post, "Docker-Content-Digest"));
        assertBody(content, registry.get(location(post)));
    }

    @Test
    void postThenPutWithTheWholeBody() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(5000, 2);
        String digest = sha256(content);

        HttpResponse<byte[]> started = registry.startUpload(repository);
        assertStatus(202, started);
        String uuid = header(started, "Docker-Upload-UUID");
        assertNotNull(uuid);
        assertEquals("/v2/" + repository + "/blobs/uploads/" + uuid, location(started));
        assertEquals("0-0", header(started, "Range"));

        HttpResponse<byte[]> put = registry.completeUpload(location(started), digest, content);

        assertStatus(201, put);
        assertEquals("/v2/" + repository + "/blobs/" + digest, location(put));
        assertEquals(digest, header(put, "Docker-Content-Digest"));
        assertBody(content, registry.get("/v2/" + repository + "/blobs/" + digest));
        // The session is finished: it can neither be asked about nor continued.
        assertError(registry.get(location(started)), 404, "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void chunkedUploadWithContentRanges() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(10_000, 3);
        String location = registry.startUploadLocation(repository);

        int[] bounds = {0, 3000, 6000, 9000};
        for (int i = 0; i < bounds.length; i++) {
            int end = i + 1 < bounds.length ? bounds[i + 1] : 9500;
            HttpResponse<byte[]> patched = registry.patch(location, Arrays.copyOfRange(content, bounds[i], end), bounds[i]);
            assertStatus(202, patched);
            assertEquals("0-" + (end - 1), header(patched, "Range"));
            assertNotNull(header(patched, "Docker-Upload-UUID"));
            location = location(patched);
        }
        // The last chunk travels with the PUT, also with its Content-Range, as the conformance suite sends it.
        HttpResponse<byte[]> put = registry.send(registry.request(RegistryClient.withQuery(location, "digest=" + sha256(content)))
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", "9500-9999")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(content, 9500, 10_000))).build());

        assertStatus(201, put);
        assertBody(content, registry.get(location(put)));
    }

    @Test
    void streamedPatchWithoutContentRange() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(700_000, 4);
        String location = registry.startUploadLocation(repository);

        HttpResponse<byte[]> first = registry.patchStreamed(location, Arrays.copyOfRange(content, 0, 300_000));
        assertStatus(202, first);
        assertEquals("0-299999", header(first, "Range"));
        HttpResponse<byte[]> second = registry.patchStreamed(location(first), Arrays.copyOfRange(content, 300_000, 700_000));
        assertStatus(202, second);
        assertEquals("0-699999", header(second, "Range"));

        HttpResponse<byte[]> put = registry.completeUpload(location(second), sha256(content), new byte[0]);

        assertStatus(201, put);
        assertBody(content, registry.get(location(put)));
    }

    @Test
    void outOfOrderChunkIs416WithTheRangeTheServerHas() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(2000, 5);
        String location = registry.startUploadLocation(repository);

        HttpResponse<byte[]> skipped = registry.patch(location, Arrays.copyOfRange(content, 1000, 2000), 1000);
        assertError(skipped, 416, "RANGE_INVALID");
        assertEquals("0-0", header(skipped, "Range"));

        location = location(registry.patch(location, Arrays.copyOfRange(content, 0, 1000), 0));
        HttpResponse<byte[]> repeated = registry.patch(location, Arrays.copyOfRange(content, 0, 1000), 0);
        assertError(repeated, 416, "RANGE_INVALID");
        assertEquals("0-999", header(repeated, "Range"));

        // Neither refused chunk changed the upload: it completes with the right bytes.
        location = location(registry.patch(location, Arrays.copyOfRange(content, 1000, 2000), 1000));
        HttpResponse<byte[]> put = registry.completeUpload(location, sha256(content), new byte[0]);
        assertStatus(201, put);
        assertBody(content, registry.get(location(put)));
    }

    @Test
    void statusAnswers204WithRangeLocationAndUuid() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        HttpResponse<byte[]> started = registry.startUpload(repository);
        String uuid = header(started, "Docker-Upload-UUID");
        String location = location(started);

        HttpResponse<byte[]> empty = registry.get(location);
        assertStatus(204, empty);
        assertEquals("0-0", header(empty, "Range"));

        registry.patch(location, randomBytes(1234, 6), 0);
        HttpResponse<byte[]> status = registry.get(location);

        assertStatus(204, status);
        assertEquals("0-1233", header(status, "Range"));
        assertEquals(uuid, header(status, "Docker-Upload-UUID"));
        assertEquals("/v2/" + repository + "/blobs/uploads/" + uuid, location(status));
        assertEquals(0, status.body().length);
    }

    @Test
    void cancelledUploadIsGone() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        HttpResponse<byte[]> started = registry.startUpload(repository);
        String location = location(started);
        String uuid = header(started, "Docker-Upload-UUID");
        registry.patch(location, randomBytes(100, 7), 0);
        assertTrue(Files.isDirectory(uploadDirectory(uuid)), "the upload's bytes are where the test looks for them");

        assertStatus(204, registry.delete(location));

        assertError(registry.get(location), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(registry.patch(location, randomBytes(100, 7), 100), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(registry.completeUpload(location, sha256(randomBytes(100, 7)), new byte[0]), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(registry.delete(location), 404, "BLOB_UPLOAD_UNKNOWN");
        assertUploadDirectoryGone(uuid);
    }

    @Test
    void digestMismatchIs400AndLeavesNothingBehind() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(3000, 8);
        String claimed = sha256(randomBytes(3000, 9));
        HttpResponse<byte[]> started = registry.startUpload(repository);
        String uuid = header(started, "Docker-Upload-UUID");
        String location = location(registry.patch(location(started), content, 0));
        assertTrue(Files.isDirectory(uploadDirectory(uuid)), "the upload's bytes are where the test looks for them");

        assertError(registry.completeUpload(location, claimed, new byte[0]), 400, "DIGEST_INVALID");

        assertError(registry.head("/v2/" + repository + "/blobs/" + claimed), 404, "BLOB_UNKNOWN");
        assertError(registry.head("/v2/" + repository + "/blobs/" + sha256(content)), 404, "BLOB_UNKNOWN");
        assertError(registry.get(location), 404, "BLOB_UPLOAD_UNKNOWN");
        assertUploadDirectoryGone(uuid);
    }

    @Test
    void monolithicDigestMismatchIs400AndStoresNothing() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(3000, 10);
        String claimed = sha256(randomBytes(3000, 11));
        Set<String> uploadsBefore = uploadDirectories();

        assertError(registry.post("/v2/" + repository + "/blobs/uploads/?digest=" + claimed, content), 400, "DIGEST_INVALID");

        assertError(registry.head("/v2/" + repository + "/blobs/" + claimed), 404, "BLOB_UNKNOWN");
        assertError(registry.head("/v2/" + repository + "/blobs/" + sha256(content)), 404, "BLOB_UNKNOWN");
        assertEquals(uploadsBefore, uploadDirectories(), "a refused monolithic upload leaves no bytes under uploads/");
    }

    @Test
    void aChunkThatDisagreesWithItsContentRangeLeavesTheUploadWhereItWas() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(700_000, 17);
        String location = location(registry.patch(registry.startUploadLocation(repository), Arrays.copyOfRange(content, 0, 1000), 0));

        // Shorter than its range says (streamed, so only Content-Range announces the length).
        HttpResponse<byte[]> shortChunk = registry.send(registry.request(location)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", "1000-599999")
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(content, 1000, 400_000)))
                .build());
        assertError(shortChunk, 400, "SIZE_INVALID");
        HttpResponse<byte[]> status = registry.get(location);
        assertStatus(204, status);
        assertEquals("0-999", header(status, "Range"), "a refused chunk must not count");

        // Longer than its range says.
        HttpResponse<byte[]> longChunk = registry.send(registry.request(location)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", "1000-300999")
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(content, 1000, 600_000)))
                .build());
        assertError(longChunk, 400, "SIZE_INVALID");
        assertEquals("0-999", header(registry.get(location), "Range"), "a refused chunk must not count");

        // The client resends the chunk correctly and the blob is exact.
        HttpResponse<byte[]> resent = registry.patch(location, Arrays.copyOfRange(content, 1000, content.length), 1000);
        assertStatus(202, resent);
        HttpResponse<byte[]> put = registry.completeUpload(location(resent), sha256(content), new byte[0]);
        assertStatus(201, put);
        assertBody(content, registry.get(location(put)));
    }

    @Test
    void sha512DigestsAreVerifiedAndServed() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(300_000, 18);
        String digest = sha512(content);

        HttpResponse<byte[]> monolithic = registry.post("/v2/" + repository + "/blobs/uploads/?digest=" + digest, content);
        assertStatus(201, monolithic);
        assertEquals(digest, header(monolithic, "Docker-Content-Digest"));
        assertBody(content, registry.get("/v2/" + repository + "/blobs/" + digest));

        byte[] chunked = randomBytes(300_000, 19);
        String location = location(registry.patch(registry.startUploadLocation(repository), Arrays.copyOfRange(chunked, 0, 100_000), 0));
        location = location(registry.patch(location, Arrays.copyOfRange(chunked, 100_000, 300_000), 100_000));
        assertError(registry.completeUpload(location, sha512(content), new byte[0]), 400, "DIGEST_INVALID");

        String again = location(registry.patch(registry.startUploadLocation(repository), chunked, 0));
        HttpResponse<byte[]> put = registry.completeUpload(again, sha512(chunked), new byte[0]);
        assertStatus(201, put);
        assertBody(chunked, registry.get("/v2/" + repository + "/blobs/" + sha512(chunked)));
    }

    @Test
    void putWithoutDigestIsRefusedAndTheUploadContinues() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(800, 12);
        String location = location(registry.patch(registry.startUploadLocation(repository), content, 0));

        HttpResponse<byte[]> put = registry.send(registry.request(location)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.noBody()).build());

        assertError(put, 400, "DIGEST_INVALID");
        HttpResponse<byte[]> status = registry.get(location);
        assertStatus(204, status);
        assertEquals("0-799", header(status, "Range"));
        assertStatus(201, registry.completeUpload(location, sha256(content), new byte[0]));
    }

    @Test
    void anUploadOfOneRepositoryCannotBeUsedFromAnother() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        String other = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(600, 13);
        HttpResponse<byte[]> started = registry.startUpload(repository);
        String uuid = header(started, "Docker-Upload-UUID");
        String foreign = "/v2/" + other + "/blobs/uploads/" + uuid;

        assertError(registry.get(foreign), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(registry.patch(foreign, content, 0), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(registry.completeUpload(foreign, sha256(content), content), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(registry.delete(foreign), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(registry.head("/v2/" + other + "/blobs/" + sha256(content)), 404, "BLOB_UNKNOWN");

        // The owner's upload is untouched by all of that.
        HttpResponse<byte[]> put = registry.completeUpload(location(started), sha256(content), content);
        assertStatus(201, put);
        assertBody(content, registry.get(location(put)));
    }

    @Test
    void unknownOrMalformedUploadIdIs404() {
        String repository = RegistryClient.uniqueRepository("uploads-it");

        assertError(registry.get("/v2/" + repository + "/blobs/uploads/" + UUID.randomUUID()), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(registry.get("/v2/" + repository + "/blobs/uploads/not-a-uuid"), 404, "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void uploadIntoAProjectThatDoesNotExistIs404NameUnknown() {
        String repository = RegistryClient.uniqueName("noproject") + "/app";

        assertError(registry.startUpload(repository), 404, "NAME_UNKNOWN");
        byte[] content = randomBytes(10, 14);
        assertError(registry.post("/v2/" + repository + "/blobs/uploads/?digest=" + sha256(content), content), 404, "NAME_UNKNOWN");
    }

    @Test
    void concurrentPushesOfTheSameBlobAllSucceed() throws Exception {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(1_500_000, 15);
        String digest = sha256(content);
        int clients = 8;
        CyclicBarrier start = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<HttpResponse<byte[]>>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                boolean chunked = i % 2 == 0;
                results.add(pool.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    return chunked
                            ? registry.pushBlobChunked(repository, content, 500_000)
                            : registry.post("/v2/" + repository + "/blobs/uploads/?digest=" + digest, content);
                }));
            }
            for (Future<HttpResponse<byte[]>> result : results) {
                HttpResponse<byte[]> response = result.get(120, TimeUnit.SECONDS);
                assertStatus(201, response);
                assertEquals(digest, header(response, "Docker-Content-Digest"));
            }
        } finally {
            pool.shutdownNow();
        }

        HttpResponse<byte[]> get = registry.get("/v2/" + repository + "/blobs/" + digest);
        assertStatus(200, get);
        assertBody(content, get);
        assertEquals(Integer.toString(content.length), header(registry.head("/v2/" + repository + "/blobs/" + digest), "Content-Length"));
    }

    /**
     * A blob pushed again, into another repository, by a chunked and by a monolithic upload: both succeed, the stored
     * copy is the one already there (same file, not replaced), and neither upload leaves bytes under uploads/.
     */
    @Test
    void aBlobPushedAgainKeepsTheStoredCopyAndLeavesNoUploadBehind() throws Exception {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(1_200_000, 16);
        String digest = sha256(content);
        assertStatus(201, registry.post("/v2/" + repository + "/blobs/uploads/?digest=" + digest, content));
        Path stored = BerthServer.shared().blobFile(digest);
        Object inode = Files.getAttribute(stored, "unix:ino");

        String again = RegistryClient.uniqueRepository("uploads-it");
        HttpResponse<byte[]> started = registry.startUpload(again);
        String uuid = header(started, "Docker-Upload-UUID");
        String location = location(registry.patch(location(started), content, 0));
        assertStatus(201, registry.completeUpload(location, digest, new byte[0]));
        assertUploadDirectoryGone(uuid);
        Set<String> uploadsBefore = uploadDirectories();
        assertStatus(201, registry.post("/v2/" + again + "/blobs/uploads/?digest=" + digest, content));
        assertEquals(uploadsBefore, uploadDirectories(), "a monolithic re-push leaves no bytes under uploads/");

        assertEquals(inode, Files.getAttribute(stored, "unix:ino"), "the stored copy stays in place");
        HttpResponse<byte[]> get = registry.get("/v2/" + again + "/blobs/" + digest);
        assertStatus(200, get);
        assertBody(content, get);
    }

    @Test
    void emptyBlobThroughEveryKindOfUpload() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        String digest = sha256(new byte[0]);

        assertStatus(201, registry.post("/v2/" + repository + "/blobs/uploads/?digest=" + digest, new byte[0]));
        HttpResponse<byte[]> put = registry.completeUpload(registry.startUploadLocation(repository), digest, new byte[0]);
        assertStatus(201, put);

        HttpResponse<byte[]> get = registry.get(location(put));
        assertStatus(200, get);
        assertEquals(0, get.body().length);
        assertEquals("0", header(registry.head(location(put)), "Content-Length"));
    }

    @Test
    void twentyMebibytesArriveByteExact() {
        String repository = RegistryClient.uniqueRepository("uploads-it");
        byte[] content = randomBytes(20 * 1024 * 1024, 16);
        String digest = sha256(content);

        assertStatus(201, registry.pushBlobChunked(repository, content, 5 * 1024 * 1024));
        HttpResponse<byte[]> get = registry.get("/v2/" + repository + "/blobs/" + digest);
        assertStatus(200, get);
        assertEquals(Integer.toString(content.length), header(get, "Content-Length"));
        assertEquals(digest, sha256(get.body()));
        assertBody(content, get);

        // And the same bytes in one monolithic request, into another repository.
        String other = RegistryClient.uniqueRepository("uploads-it");
        assertStatus(201, registry.post("/v2/" + other + "/blobs/uploads/?digest=" + digest, content));
        assertEquals(digest, sha256(registry.get("/v2/" + other + "/blobs/" + digest).body()));
    }

    private static Set<String> uploadDirectories() {
        Path uploads = BerthServer.shared().dataDirectory().resolve("registry/uploads");
        if (!Files.isDirectory(uploads)) {
            return Set.of();
        }
        try (var entries = Files.list(uploads)) {
            return entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static Path uploadDirectory(String uuid) {
        return BerthServer.shared().dataDirectory().resolve("registry/uploads/" + uuid);
    }

    private static void assertUploadDirectoryGone(String uuid) {
        Path directory = uploadDirectory(uuid);
        assertFalse(Files.exists(directory), "upload directory left behind: " + directory);
    }
}
