package io.berth.it;

import static io.berth.it.OciAssert.assertError;
import static io.berth.it.OciAssert.assertStatus;
import static io.berth.it.RegistryClient.location;
import static io.berth.it.RegistryClient.randomBytes;
import static io.berth.it.RegistryClient.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Project storage quotas end to end: the limit given when a project is created, Harbor's {@code /quotas} API and
 * its shapes ({@code Quota}, {@code QuotaUpdateReq}, the summary's {@code quota}), and pushes over the limit refused
 * with {@code 403 DENIED} and Harbor's message, leaving neither a record, nor usage, nor bytes behind. Usage counts
 * each blob once per project, manifests included, and mounts count like uploads.
 */
class QuotasIT {

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final RegistryClient registry = new RegistryClient(server);

    @Test
    void aProjectCreatedWithAStorageLimitHasThatQuotaInHarborsShape() {
        String name = RegistryClient.uniqueName("quota");
        long projectId = createProject(admin, name, 10_000L);

        HttpResponseAndQuota listed = quotaOf(projectId);
        JsonObject quota = listed.quota();
        assertEquals(Set.of("id", "ref", "hard", "used", "creation_time", "update_time"), quota.keySet(), quota.toString());
        assertEquals(Set.of("id", "name", "owner_name"), quota.getJsonObject("ref").keySet());
        assertEquals(projectId, quota.getJsonObject("ref").getJsonNumber("id").longValue());
        assertEquals(name, quota.getJsonObject("ref").getString("name"));
        assertEquals(BerthServer.ADMIN, quota.getJsonObject("ref").getString("owner_name"));
        assertEquals(10_000L, quota.getJsonObject("hard").getJsonNumber("storage").longValue());
        assertEquals(0L, quota.getJsonObject("used").getJsonNumber("storage").longValue());
        assertEquals("1", listed.totalCount());

        JsonObject byId = admin.get("/api/v2.0/quotas/" + quota.getJsonNumber("id").longValue()).expect(200).json();
        assertEquals(quota, byId);

        JsonObject summary = admin.get("/api/v2.0/projects/" + projectId + "/summary").expect(200).json();
        assertEquals(Set.of("hard", "used"), summary.getJsonObject("quota").keySet());
        assertEquals(10_000L, summary.getJsonObject("quota").getJsonObject("hard").getJsonNumber("storage").longValue());
        assertEquals(0L, summary.getJsonObject("quota").getJsonObject("used").getJsonNumber("storage").longValue());
    }

    @Test
    void onlyAdministratorsChooseTheLimitOthersGetStoragePerProject() {
        ApiClient.TestUser user = admin.newUser("quota-user");
        long unlimited = createProject(user.client(), RegistryClient.uniqueName("quota-user"), 5L);
        assertEquals(-1L, hard(unlimited), "a user's storage_limit is ignored; the default is unlimited");

        admin.configure("{\"storage_per_project\":123456789012}");
        try {
            assertEquals(123456789012L, admin.get("/api/v2.0/configurations").expect(200).json()
                    .getJsonObject("storage_per_project").getJsonNumber("value").longValue());
            long byDefault = createProject(user.client(), RegistryClient.uniqueName("quota-user"), null);
            assertEquals(123456789012L, hard(byDefault));
            long zero = createProject(admin, RegistryClient.uniqueName("quota-zero"), 0L);
            assertEquals(123456789012L, hard(zero), "0 means: the default, as in Harbor");
            assertEquals("BAD_REQUEST", admin.put("/api/v2.0/configurations", "{\"storage_per_project\":0}")
                    .expect(400).errorCode());
        } finally {
            admin.configure("{\"storage_per_project\":-1}");
        }
    }

    @Test
    void aNegativeLimitOtherThanMinusOneIsRefusedAndNoProjectIsCreated() {
        String name = RegistryClient.uniqueName("quota-bad");
        ApiClient.Response refused = admin.post("/api/v2.0/projects",
                "{\"project_name\":\"" + name + "\",\"storage_limit\":-5}").expect(400);
        assertEquals("BAD_REQUEST", refused.errorCode());
        admin.head("/api/v2.0/projects?project_name=" + name).expect(404);
    }

    @Test
    void updatingAProjectLeavesItsQuotaAlonePutQuotasChangesIt() {
        long projectId = createProject(admin, RegistryClient.uniqueName("quota-put"), 1000L);
        admin.put("/api/v2.0/projects/" + projectId, "{\"storage_limit\":5000}").expect(200);
        assertEquals(1000L, hard(projectId));

        long quotaId = quotaOf(projectId).quota().getJsonNumber("id").longValue();
        admin.put("/api/v2.0/quotas/" + quotaId, "{\"hard\":{\"storage\":5000}}").expect(200);
        assertEquals(5000L, hard(projectId));
        admin.put("/api/v2.0/quotas/" + quotaId, "{\"hard\":{\"storage\":-1}}").expect(200);
        assertEquals(-1L, hard(projectId));
    }

    @Test
    void putQuotasChecksTheRequestAsHarborDoes() {
        long projectId = createProject(admin, RegistryClient.uniqueName("quota-check"), 1000L);
        long quotaId = quotaOf(projectId).quota().getJsonNumber("id").longValue();
        String path = "/api/v2.0/quotas/" + quotaId;

        for (String body : List.of("{\"hard\":{\"storage\":-5}}", "{\"hard\":{\"storage\":0}}", "{\"hard\":{}}", "{}",
                "{\"hard\":{\"count\":5}}", "{\"hard\":{\"storage\":10,\"count\":5}}")) {
            assertEquals("BAD_REQUEST", admin.put(path, body).expect(400).errorCode(), body);
        }
        assertEquals(1000L, hard(projectId), "a refused update changes nothing");
        assertEquals("NOT_FOUND", admin.put("/api/v2.0/quotas/999999999", "{\"hard\":{\"storage\":10}}").expect(404).errorCode());
        assertEquals("NOT_FOUND", admin.get("/api/v2.0/quotas/999999999").expect(404).errorCode());
    }

    @Test
    void theQuotaApiIsForSystemAdministratorsOnly() {
        ApiClient.TestUser user = admin.newUser("quota-nosy");
        long projectId = createProject(user.client(), RegistryClient.uniqueName("quota-own"), null);
        long quotaId = quotaOf(projectId).quota().getJsonNumber("id").longValue();
        ApiClient anonymous = ApiClient.anonymous(server);

        assertEquals("FORBIDDEN", user.client().get("/api/v2.0/quotas").expect(403).errorCode());
        assertEquals("FORBIDDEN", user.client().get("/api/v2.0/quotas/" + quotaId).expect(403).errorCode());
        assertEquals("FORBIDDEN", user.client().put("/api/v2.0/quotas/" + quotaId, "{\"hard\":{\"storage\":-1}}")
                .expect(403).errorCode());
        assertEquals("UNAUTHORIZED", anonymous.get("/api/v2.0/quotas").expect(401).errorCode());
        assertEquals("UNAUTHORIZED", anonymous.put("/api/v2.0/quotas/" + quotaId, "{\"hard\":{\"storage\":-1}}")
                .expect(401).errorCode());

        JsonObject summary = user.client().get("/api/v2.0/projects/" + projectId + "/summary").expect(200).json();
        assertNotNull(summary.getJsonObject("quota"), "members read their project's quota in the summary: " + summary);

        String open = RegistryClient.uniqueName("quota-public");
        admin.post("/api/v2.0/projects", "{\"project_name\":\"" + open + "\",\"metadata\":{\"public\":\"true\"}}").expect(201);
        JsonObject seenByAnyone = anonymous.get("/api/v2.0/projects/" + open + "/summary").expect(200).json();
        assertFalse(seenByAnyone.containsKey("quota"), "a public project's visitors do not see its quota: " + seenByAnyone);
    }

    @Test
    void listingFiltersSortsAndPagesAsHarbor() {
        long small = createProject(admin, RegistryClient.uniqueName("quota-list"), 1000L);
        long large = createProject(admin, RegistryClient.uniqueName("quota-list"), 9_000_000_000L);

        ApiClient.Response page = admin.get("/api/v2.0/quotas?sort=-hard.storage&page=1&page_size=2").expect(200);
        assertTrue(Long.parseLong(page.header("X-Total-Count")) >= 3, page.header("X-Total-Count"));
        assertTrue(page.header("Link").contains("rel=\"next\""), page.header("Link"));
        assertEquals(-1L, page.array().getJsonObject(0).getJsonObject("hard").getJsonNumber("storage").longValue(),
                "unlimited sorts as the largest limit");

        List<Long> ascending = admin.get("/api/v2.0/quotas?sort=hard.storage&page_size=100").expect(200).array()
                .getValuesAs(JsonObject.class).stream()
                .map(q -> q.getJsonObject("ref").getJsonNumber("id").longValue())
                .filter(id -> id == small || id == large).toList();
        assertEquals(List.of(small, large), ascending);

        assertEquals(1, admin.get("/api/v2.0/quotas?reference=project&reference_id=" + large).expect(200).array().size());
        assertEquals(0, admin.get("/api/v2.0/quotas?reference=artifact").expect(200).array().size());
        assertEquals(0, admin.get("/api/v2.0/quotas?reference_id=abc").expect(200).array().size());
        assertEquals("BAD_REQUEST", admin.get("/api/v2.0/quotas?sort=hard.count").expect(400).errorCode());
        assertEquals("BAD_REQUEST", admin.get("/api/v2.0/quotas?page_size=101").expect(400).errorCode());
    }

    @Test
    void aBlobOverQuotaIsRefusedAndLeavesNothingBehind() {
        String project = RegistryClient.uniqueName("quota-push");
        long projectId = createProject(admin, project, 5000L);
        String repository = project + "/app";

        byte[] first = fresh(2000);
        registry.pushBlob(repository, first);
        assertEquals(2000L, used(projectId));
        registry.pushBlob(repository, first);
        registry.pushBlob(project + "/other", first);
        assertEquals(2000L, used(projectId), "the same blob counts once per project, whatever the repository");
        registry.pushBlob(repository, fresh(2500));
        assertEquals(4500L, used(projectId));

        byte[] tooMuch = fresh(1000);
        String digest = sha256(tooMuch);
        HttpResponse<byte[]> refused = registry.send(registry.request("/v2/" + repository + "/blobs/uploads/?digest=" + digest)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(tooMuch)).build());
        JsonObject error = assertError(refused, 403, "DENIED");
        assertEquals("Quota exceeded when processing the request of adding 1000 B of storage resource, which when"
                + " updated to current usage of 4.4 KiB will exceed the configured upper limit of 4.9 KiB.",
                error.getString("message"));
        assertError(registry.head("/v2/" + repository + "/blobs/" + digest), 404, "BLOB_UNKNOWN");
        assertEquals(4500L, used(projectId));
        assertFalse(Files.exists(server.blobFile(digest)), "a refused blob leaves no bytes in the store");

        // Chunked: the PUT that completes the upload is refused, and the upload is gone with its bytes.
        String session = registry.startUploadLocation(repository);
        assertStatus(202, registry.patch(session, tooMuch, 0));
        assertError(registry.completeUpload(session, digest, new byte[0]), 403, "DENIED");
        assertError(registry.get(session), 404, "BLOB_UPLOAD_UNKNOWN");
        assertFalse(Files.exists(server.blobFile(digest)));
        assertEquals(4500L, used(projectId));

        // A blob the project has already is never refused, even when the project is full.
        registry.pushBlob(repository, first);
    }

    @Test
    void withQuotasSwitchedOffUsageIsCountedButNothingIsRefused() {
        String project = RegistryClient.uniqueName("quota-off");
        long projectId = createProject(admin, project, 1000L);
        String repository = project + "/app";
        admin.configure("{\"quota_per_project_enable\":false}");
        try {
            registry.pushBlob(repository, fresh(1500));
            assertEquals(1500L, used(projectId), "over the limit, and still counted");
        } finally {
            admin.configure("{\"quota_per_project_enable\":true}");
        }
        byte[] more = fresh(10);
        HttpResponse<byte[]> refused = registry.send(registry.request("/v2/" + repository + "/blobs/uploads/?digest=" + sha256(more))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(more)).build());
        assertError(refused, 403, "DENIED");
        assertEquals(1500L, used(projectId));
    }

    @Test
    void aManifestOverQuotaIsRefusedAndInvisibleUntilTheLimitIsRaised() {
        String project = RegistryClient.uniqueName("quota-manifest");
        long projectId = createProject(admin, project, 100_000L);
        String repository = project + "/app";
        byte[] layer = fresh(3000);
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        String layerDigest = registry.pushBlob(repository, layer);
        String configDigest = registry.pushBlob(repository, config);
        long blobs = layer.length + config.length;
        assertEquals(blobs, used(projectId));
        long quotaId = quotaOf(projectId).quota().getJsonNumber("id").longValue();
        admin.put("/api/v2.0/quotas/" + quotaId, "{\"hard\":{\"storage\":" + (blobs + 10) + "}}").expect(200);

        byte[] manifest = RegistryClient.imageManifest(RegistryClient.OCI_MANIFEST, RegistryClient.OCI_CONFIG, configDigest,
                config.length, RegistryClient.OCI_LAYER, layerDigest, layer.length);
        JsonObject error = assertError(registry.putManifest(repository, "v1", RegistryClient.OCI_MANIFEST, manifest), 403, "DENIED");
        assertTrue(error.getString("message").startsWith("Quota exceeded"), error.toString());
        assertError(registry.get("/v2/" + repository + "/manifests/v1"), 404, "NAME_UNKNOWN");
        assertError(registry.get("/v2/" + repository + "/manifests/" + sha256(manifest)), 404, "NAME_UNKNOWN");
        assertEquals(blobs, used(projectId));

        admin.put("/api/v2.0/quotas/" + quotaId, "{\"hard\":{\"storage\":100000}}").expect(200);
        registry.pushManifest(repository, "v1", RegistryClient.OCI_MANIFEST, manifest);
        assertEquals(blobs + manifest.length, used(projectId), "the manifest counts too");
        registry.pushManifest(repository, "v2", RegistryClient.OCI_MANIFEST, manifest);
        assertEquals(blobs + manifest.length, used(projectId), "a second tag on the same manifest costs nothing");
        JsonObject summary = admin.get("/api/v2.0/projects/" + projectId + "/summary").expect(200).json();
        assertEquals(blobs + manifest.length, summary.getJsonObject("quota").getJsonObject("used").getJsonNumber("storage").longValue());
    }

    @Test
    void aMountCountsInTheTargetProjectAndIsRefusedOverQuota() {
        String source = RegistryClient.uniqueName("quota-src");
        createProject(admin, source, null);
        byte[] content = fresh(3000);
        String digest = registry.pushBlob(source + "/app", content);

        String roomy = RegistryClient.uniqueName("quota-roomy");
        long roomyId = createProject(admin, roomy, 5000L);
        assertStatus(201, mount(roomy + "/app", digest, source + "/app"));
        assertStatus(201, mount(roomy + "/other", digest, source + "/app"));
        assertEquals(3000L, used(roomyId), "mounted once into the project, counted once");

        String tight = RegistryClient.uniqueName("quota-tight");
        long tightId = createProject(admin, tight, 1000L);
        JsonObject error = assertError(mount(tight + "/app", digest, source + "/app"), 403, "DENIED");
        assertTrue(error.getString("message").startsWith("Quota exceeded"), error.toString());
        assertError(registry.head("/v2/" + tight + "/app/blobs/" + digest), 404, "BLOB_UNKNOWN");
        assertEquals(0L, used(tightId));
    }

    @Test
    void aCopyCountsInTheTargetProjectAndIsRefusedOverQuotaWithHarborsError() {
        String source = RegistryClient.uniqueName("quota-copysrc");
        createProject(admin, source, null);
        byte[] layer = fresh(4000);
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        String layerDigest = registry.pushBlob(source + "/app", layer);
        String configDigest = registry.pushBlob(source + "/app", config);
        byte[] manifest = RegistryClient.imageManifest(RegistryClient.OCI_MANIFEST, RegistryClient.OCI_CONFIG, configDigest,
                config.length, RegistryClient.OCI_LAYER, layerDigest, layer.length);
        registry.pushManifest(source + "/app", "v1", RegistryClient.OCI_MANIFEST, manifest);
        long imageSize = layer.length + config.length + manifest.length;

        String roomy = RegistryClient.uniqueName("quota-copyroomy");
        long roomyId = createProject(admin, roomy, 100_000L);
        admin.post("/api/v2.0/projects/" + roomy + "/repositories/app/artifacts?from=" + source + "/app:v1", null).expect(201);
        assertEquals(imageSize, used(roomyId), "a copy links the image's blobs to the target project, each once");

        String tight = RegistryClient.uniqueName("quota-copytight");
        long tightId = createProject(admin, tight, 1000L);
        ApiClient.Response refused = admin.post("/api/v2.0/projects/" + tight + "/repositories/app/artifacts?from="
                + source + "/app:v1", null).expect(403);
        assertEquals("FORBIDDEN", refused.errorCode());
        assertTrue(refused.json().getJsonArray("errors").getJsonObject(0).getString("message").startsWith("Quota exceeded"),
                refused.json().toString());
        assertEquals(0L, used(tightId), "a refused copy leaves nothing behind");
        assertError(registry.get("/v2/" + tight + "/app/manifests/v1"), 404, "NAME_UNKNOWN");
    }

    @Test
    void concurrentPushesNeverPassTheLimitTogether() throws Exception {
        String project = RegistryClient.uniqueName("quota-race");
        long projectId = createProject(admin, project, 4500L);
        int pushes = 8;
        List<byte[]> blobs = new ArrayList<>();
        for (int i = 0; i < pushes; i++) {
            blobs.add(fresh(1000));
        }
        // HTTP Basic on every request: the token client keeps state that threads must not share.
        RegistryClient racer = RegistryClient.basic(server, BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);

        ExecutorService pool = Executors.newFixedThreadPool(pushes);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (byte[] blob : blobs) {
                statuses.add(pool.submit(() -> racer.send(racer.request("/v2/" + project + "/warm/blobs/uploads/?digest=" + sha256(blob))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(blob)).build()).statusCode()));
            }
            int created = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get();
                assertTrue(code == 201 || code == 403, "status " + code);
                created += code == 201 ? 1 : 0;
            }
            assertEquals(4, created, "exactly as many as fit");
            assertEquals(4000L, used(projectId));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deletingABlobGivesItsSpaceBackAndDeletingTheProjectRemovesItsQuota() {
        String project = RegistryClient.uniqueName("quota-del");
        long projectId = createProject(admin, project, 3000L);
        byte[] content = fresh(2500);
        String digest = registry.pushBlob(project + "/app", content);
        assertEquals(2500L, used(projectId));
        assertStatus(202, registry.delete("/v2/" + project + "/app/blobs/" + digest));
        assertEquals(0L, used(projectId));
        registry.pushBlob(project + "/app", fresh(2500));

        long empty = createProject(admin, RegistryClient.uniqueName("quota-gone"), 1000L);
        long quotaId = quotaOf(empty).quota().getJsonNumber("id").longValue();
        admin.delete("/api/v2.0/projects/" + empty).expect(200);
        admin.get("/api/v2.0/quotas/" + quotaId).expect(404);
    }

    /** Random bytes no other test (or earlier run on the same store) has pushed. */
    private static byte[] fresh(int size) {
        return randomBytes(size, ThreadLocalRandom.current().nextLong());
    }

    private HttpResponse<byte[]> mount(String target, String digest, String from) {
        return registry.send(registry.request("/v2/" + target + "/blobs/uploads/?mount=" + digest + "&from=" + from)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** {@code POST /projects} as {@code client}, with a {@code storage_limit} unless null; the new id. */
    private static long createProject(ApiClient client, String name, Long storageLimit) {
        String body = "{\"project_name\":\"" + name + "\",\"metadata\":{\"public\":\"false\"}"
                + (storageLimit == null ? "" : ",\"storage_limit\":" + storageLimit) + "}";
        return client.post("/api/v2.0/projects", body).expect(201).locationId();
    }

    private record HttpResponseAndQuota(JsonObject quota, String totalCount) {
    }

    private HttpResponseAndQuota quotaOf(long projectId) {
        ApiClient.Response response = admin.get("/api/v2.0/quotas?reference=project&reference_id=" + projectId).expect(200);
        JsonArray quotas = response.array();
        assertEquals(1, quotas.size(), quotas.toString());
        return new HttpResponseAndQuota(quotas.getJsonObject(0), response.header("X-Total-Count"));
    }

    private long hard(long projectId) {
        return quotaOf(projectId).quota().getJsonObject("hard").getJsonNumber("storage").longValue();
    }

    private long used(long projectId) {
        return quotaOf(projectId).quota().getJsonObject("used").getJsonNumber("storage").longValue();
    }
}
