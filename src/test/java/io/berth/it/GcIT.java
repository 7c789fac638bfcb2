package io.berth.it;

import static io.berth.it.RegistryClient.OCI_CONFIG;
import static io.berth.it.RegistryClient.OCI_INDEX;
import static io.berth.it.RegistryClient.OCI_LAYER;
import static io.berth.it.RegistryClient.OCI_MANIFEST;
import static io.berth.it.RegistryClient.descriptor;
import static io.berth.it.RegistryClient.platformDescriptor;
import static io.berth.it.RegistryClient.sha256;
import static io.berth.it.RegistryClient.text;
import static io.berth.it.RegistryClient.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Deletion and garbage collection through the real APIs: what GC frees, what it must never touch (anything a
 * tagged artifact needs, even while pushes race it), dry runs, untagged artifacts, index children and
 * accessories, projects' quota usage when they stop using a blob another project keeps, stop, 409, schedules,
 * history, log and permissions. The shared server runs with a grace window
 * of 0, so a test can collect what it has just deleted.
 */
class GcIT {

    private static final BerthServer SERVER = BerthServer.shared();
    private static final Set<String> FINAL = Set.of("Success", "Error", "Stopped");

    private final RegistryClient registry = new RegistryClient(SERVER);
    private final ApiClient admin = ApiClient.admin(SERVER);

    @Test
    void deletingOneOfTwoImagesThatShareALayerFreesOnlyWhatWasItsOwn() {
        String repository = RegistryClient.uniqueRepository("gc-shared");
        byte[] base = utf8("shared base layer " + UUID.randomUUID());
        Pushed kept = push(repository, "kept", base, utf8("kept layer " + UUID.randomUUID()));
        Pushed gone = push(repository, "gone", base, utf8("gone layer " + UUID.randomUUID()));

        assertEquals(202, registry.delete("/v2/" + repository + "/manifests/" + gone.digest).statusCode());
        assertEquals(404, registry.head("/v2/" + repository + "/manifests/gone").statusCode(), "the tag went with the artifact");
        JsonObject run = runGc("{}");

        assertEquals("Success", run.getString("job_status"));
        assertTrue(parameters(run).getInt("purged_blobs") >= 3, run.toString());
        assertPullsExactly(repository, "kept", kept);
        assertFalse(Files.exists(SERVER.blobFile(gone.layerDigest)), "the unique layer's bytes are gone from the store");
        assertFalse(Files.exists(SERVER.blobFile(gone.configDigest)));
        assertFalse(Files.exists(SERVER.blobFile(gone.digest)), "the manifest's bytes are gone too");
        assertTrue(Files.exists(SERVER.blobFile(sha256(base))), "the shared layer stays");
        assertEquals(404, registry.head("/v2/" + repository + "/blobs/" + gone.layerDigest).statusCode());
        assertEquals(404, registry.get("/v2/" + repository + "/manifests/" + gone.digest).statusCode());
    }

    @Test
    void aDryRunReportsWhatWouldBeFreedAndChangesNothing() {
        String repository = RegistryClient.uniqueRepository("gc-dry");
        Pushed image = push(repository, "v1", utf8("dry base " + UUID.randomUUID()), utf8("dry layer " + UUID.randomUUID()));
        registry.delete("/v2/" + repository + "/manifests/" + image.digest);

        JsonObject run = runGc("{\"dry_run\":true}");

        JsonObject report = parameters(run);
        assertTrue(report.getBoolean("dry_run"));
        assertTrue(report.getInt("purged_blobs") >= 4, report.toString());
        assertTrue(report.getInt("purged_manifests") >= 1, report.toString());
        assertTrue(report.getJsonNumber("freed_space").longValue() >= image.manifest.length, report.toString());
        for (String digest : List.of(image.digest, image.configDigest, image.layerDigest)) {
            assertTrue(Files.exists(SERVER.blobFile(digest)), "a dry run deletes nothing: " + digest);
        }
        assertEquals(200, registry.head("/v2/" + repository + "/blobs/" + image.layerDigest).statusCode());
        assertTrue(log(run).contains("Dry run"), log(run));
    }

    @Test
    void untaggedArtifactsGoOnlyWhenAsked() {
        String repository = RegistryClient.uniqueRepository("gc-untagged");
        Pushed first = push(repository, "v1", utf8("u base " + UUID.randomUUID()), utf8("u first " + UUID.randomUUID()));
        Pushed second = push(repository, "v1", utf8("u base2 " + UUID.randomUUID()), utf8("u second " + UUID.randomUUID()));

        runGc("{\"delete_untagged\":false}");
        assertPullsExactly(repository, first.digest, first);

        JsonObject run = runGc("{\"delete_untagged\":true}");
        assertTrue(parameters(run).getInt("deleted_artifacts") >= 1, run.toString());
        assertEquals(404, registry.get("/v2/" + repository + "/manifests/" + first.digest).statusCode());
        assertFalse(Files.exists(SERVER.blobFile(first.layerDigest)));
        assertPullsExactly(repository, "v1", second);
    }

    @Test
    void deletingAnIndexTakesTheChildrenOnlyItListsAndAnArtifactItsAccessories() {
        String repository = RegistryClient.uniqueRepository("gc-index");
        Pushed amd64 = push(repository, null, utf8("amd64 base " + UUID.randomUUID()), utf8("amd64 " + UUID.randomUUID()));
        Pushed arm64 = push(repository, "arm64-only", utf8("arm64 base " + UUID.randomUUID()), utf8("arm64 " + UUID.randomUUID()));
        byte[] index = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":["
                + platformDescriptor(OCI_MANIFEST, amd64.digest, amd64.manifest.length, "linux", "amd64") + ","
                + platformDescriptor(OCI_MANIFEST, arm64.digest, arm64.manifest.length, "linux", "arm64") + "]}");
        String indexDigest = registry.pushManifest(repository, "multi", OCI_INDEX, index);
        byte[] signature = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\","
                + "\"artifactType\":\"application/vnd.example.signature\","
                + "\"config\":" + descriptor("application/vnd.oci.empty.v1+json", RegistryClient.EMPTY_JSON_DIGEST, 2) + ","
                + "\"layers\":[" + descriptor("application/vnd.oci.empty.v1+json", RegistryClient.EMPTY_JSON_DIGEST, 2) + "],"
                + "\"subject\":" + descriptor(OCI_INDEX, indexDigest, index.length) + "}");
        registry.pushBlob(repository, RegistryClient.EMPTY_JSON);
        String signatureDigest = registry.pushManifest(repository, sha256(signature), OCI_MANIFEST, signature);

        assertEquals(403, registry.delete("/v2/" + repository + "/manifests/" + amd64.digest).statusCode(),
                "a manifest an index lists is not deleted on its own");
        assertEquals(202, registry.delete("/v2/" + repository + "/manifests/" + indexDigest).statusCode());

        assertEquals(404, registry.head("/v2/" + repository + "/manifests/" + indexDigest).statusCode());
        assertEquals(404, registry.head("/v2/" + repository + "/manifests/" + amd64.digest).statusCode(), "untagged child only it listed");
        assertEquals(404, registry.head("/v2/" + repository + "/manifests/" + signatureDigest).statusCode(), "its accessory");
        assertEquals(200, registry.head("/v2/" + repository + "/manifests/" + arm64.digest).statusCode(), "a child with its own tag stays");
        assertEquals(200, registry.head("/v2/" + repository + "/manifests/arm64-only").statusCode());
    }

    @Test
    void deletingATagOnV2KeepsTheArtifact() {
        String repository = RegistryClient.uniqueRepository("gc-tag");
        Pushed image = push(repository, "v1", utf8("t base " + UUID.randomUUID()), utf8("t layer " + UUID.randomUUID()));
        registry.pushManifest(repository, "v2", OCI_MANIFEST, image.manifest);

        assertEquals(202, registry.delete("/v2/" + repository + "/manifests/v1").statusCode());

        assertEquals(404, registry.head("/v2/" + repository + "/manifests/v1").statusCode());
        assertPullsExactly(repository, "v2", image);
        assertEquals(404, registry.delete("/v2/" + repository + "/manifests/v1").statusCode());
    }

    /**
     * Pushes race GC runs (with a grace window of 2 s, as a small copy of the default 2 h). Each round deletes the
     * previous image before pushing the next, so the shared base layer keeps becoming a candidate: the push
     * finds it touched back (HEAD 200), or gone (HEAD 404, so it uploads it again), or, at worst, swept between
     * its HEAD and its manifest (MANIFEST_BLOB_UNKNOWN, and it tries again). Whatever happens, every image is
     * whole from its push until it is deleted, and the last one after a final GC.
     */
    @Test
    void pushesRacingGarbageCollectionNeverLoseABlob() throws Exception {
        String repository = RegistryClient.uniqueRepository("gc-race");
        byte[] base = utf8("race base " + UUID.randomUUID());
        Pushed previous = null;
        try (GcLoop gc = new GcLoop("{\"workers\":3,\"time_window_seconds\":2}")) {
            Instant until = Instant.now().plusSeconds(25);
            for (int i = 0; (i < 40 || Instant.now().isBefore(until)) && i < 400 && !gc.failed(); i++) {
                if (previous != null) {
                    assertPullsExactly(repository, previous.tag, previous);
                    assertEquals(202, registry.delete("/v2/" + repository + "/manifests/" + previous.digest).statusCode());
                }
                previous = pushRetrying(repository, "t" + i, base, utf8("race layer " + i + " " + UUID.randomUUID()));
                assertPullsExactly(repository, previous.tag, previous);
            }
        }
        runGc("{}");
        assertPullsExactly(repository, previous.tag, previous);
    }

    /**
     * Harbor's project-blob cleanup: the shared layer stays for B, but A, which deleted its image, no longer holds
     * it, so A's usage drops by all of its image (its own blobs swept, the shared one unlinked) and B's stays.
     */
    @Test
    void aProjectThatDeletesAnImageWhoseLayerAnotherProjectKeepsGetsItsUsageBack() {
        String a = RegistryClient.uniqueName("gc-quota-a");
        String b = RegistryClient.uniqueName("gc-quota-b");
        long aId = createProject(a);
        long bId = createProject(b);
        byte[] base = utf8("layer shared across projects " + UUID.randomUUID());
        Pushed inA = push(a + "/app", "v1", base, utf8("a's own layer " + UUID.randomUUID()));
        Pushed inB = push(b + "/app", "v1", base, utf8("b's own layer " + UUID.randomUUID()));
        assertEquals(size(inA), used(aId), "A's usage counts its manifest, config and both layers");
        assertEquals(size(inB), used(bId));

        assertEquals(202, registry.delete("/v2/" + a + "/app/manifests/" + inA.digest).statusCode());
        JsonObject dry = runGc("{\"dry_run\":true}");
        assertEquals(size(inA), used(aId), "a dry run releases nothing");
        assertTrue(log(dry).contains("would go"), log(dry));
        JsonObject run = runGc("{}");

        assertEquals("Success", run.getString("job_status"));
        assertEquals(0L, used(aId), "A holds nothing any longer, the shared layer included: " + log(run));
        assertEquals(0L, admin.get("/api/v2.0/projects/" + aId + "/summary").expect(200).json()
                .getJsonObject("quota").getJsonObject("used").getJsonNumber("storage").longValue());
        assertEquals(size(inB), used(bId), "B's usage stays");
        assertPullsExactly(b + "/app", "v1", inB);
        assertTrue(Files.exists(SERVER.blobFile(sha256(base))), "the shared layer's bytes stay for B");
        assertEquals(404, registry.head("/v2/" + a + "/app/blobs/" + sha256(base)).statusCode(), "A no longer sees it");
        assertTrue(log(run).contains("Unlinked"), log(run));
    }

    /**
     * Pushes into A race GC runs that unlink A's blobs (grace window 3 s): B keeps the base layer, so in A it is
     * only ever unlinked, never swept. Even rounds upload every blob and must succeed at once (a blob uploaded a
     * moment ago is never unlinked under the manifest); odd rounds HEAD first, as clients do, and may have to upload
     * again when the link went between HEAD and PUT. Some images are kept, the others deleted in the next round.
     * Afterwards every kept image pulls, and after a final run A's usage is exactly what its images hold, each blob
     * once: what a recount from the links gives, with no link lost or charged twice.
     */
    @Test
    void pushesRacingUnlinksKeepUsageEqualToWhatTheProjectHolds() throws Exception {
        String a = RegistryClient.uniqueName("gc-qrace-a");
        String b = RegistryClient.uniqueName("gc-qrace-b");
        long aId = createProject(a);
        long bId = createProject(b);
        byte[] shared = utf8("race base shared with b " + UUID.randomUUID());
        byte[] own = utf8("race base of a's kept images " + UUID.randomUUID());
        Pushed inB = push(b + "/app", "v1", shared, utf8("b layer " + UUID.randomUUID()));
        String repository = a + "/app";
        List<Pushed> kept = new ArrayList<>();
        Pushed previous = null;
        try (GcLoop gc = new GcLoop("{\"workers\":2,\"time_window_seconds\":3}")) {
            Instant until = Instant.now().plusSeconds(25);
            for (int i = 0; (i < 30 || Instant.now().isBefore(until)) && i < 300 && !gc.failed(); i++) {
                if (previous != null) {
                    assertEquals(202, registry.delete("/v2/" + repository + "/manifests/" + previous.digest).statusCode());
                }
                byte[] layer = utf8("race layer " + i + " " + UUID.randomUUID());
                previous = i % 2 == 0 ? push(repository, "t" + i, shared, layer) : pushRetrying(repository, "t" + i, shared, layer);
                assertPullsExactly(repository, previous.tag, previous);
                if (i % 3 == 0) {
                    kept.add(push(repository, "k" + i, own, utf8("kept layer " + i + " " + UUID.randomUUID())));
                }
            }
        }
        for (Pushed image : kept) {
            assertPullsExactly(repository, image.tag, image);
        }
        assertEquals(202, registry.delete("/v2/" + repository + "/manifests/" + previous.digest).statusCode());
        runGc("{}");

        long holds = own.length;
        for (Pushed image : kept) {
            holds += image.manifest.length + image.config.length + image.layer.length;
        }
        assertEquals(holds, used(aId), "A's usage is what its kept images hold, each blob once");
        assertEquals(size(inB), used(bId));
        assertPullsExactly(b + "/app", "v1", inB);
        for (Pushed image : kept) {
            assertPullsExactly(repository, image.tag, image);
        }
    }

    @Test
    void aRunCanBeStoppedAndASecondRequestMeets409WhileOneRuns() {
        String repository = RegistryClient.uniqueRepository("gc-stop");
        for (int i = 0; i < 300; i++) {
            registry.pushBlob(repository, utf8("orphan " + i + " " + UUID.randomUUID()));
        }
        awaitNoRun();
        ApiClient.Response started = admin.post("/api/v2.0/system/gc/schedule", manual("{\"workers\":1}"));
        assertEquals(201, started.status(), started.body());
        long id = started.locationId();

        ApiClient.Response second = admin.post("/api/v2.0/system/gc/schedule", manual("{}"));
        assertEquals(409, second.status(), second.body());
        assertEquals("CONFLICT", second.errorCode());
        admin.put("/api/v2.0/system/gc/" + id, null).expect(200);

        JsonObject run = awaitFinal(id);
        assertEquals("Stopped", run.getString("job_status"), run.toString());
        assertTrue(log(run).contains("stopped on request"), log(run));
        runGc("{}"); // clean up, and show that a stopped run leaves nothing stuck
    }

    @Test
    void aStoredScheduleFiresAndCanBeRemoved() {
        awaitNoRun();
        admin.put("/api/v2.0/system/gc/schedule",
                "{\"schedule\":{\"type\":\"Custom\",\"cron\":\"*/5 * * * * *\"},\"parameters\":{\"dry_run\":true}}").expect(200);
        try {
            JsonObject schedule = admin.get("/api/v2.0/system/gc/schedule").expect(200).json();
            assertEquals("Custom", schedule.getJsonObject("schedule").getString("type"));
            assertEquals("*/5 * * * * *", schedule.getJsonObject("schedule").getString("cron"));
            assertTrue(schedule.getJsonObject("schedule").containsKey("next_scheduled_time"));
            assertEquals(409, admin.post("/api/v2.0/system/gc/schedule",
                    "{\"schedule\":{\"type\":\"Daily\"}}").status(), "POST does not replace a schedule");

            Instant deadline = Instant.now().plusSeconds(40);
            JsonObject fired = null;
            while (fired == null && Instant.now().isBefore(deadline)) {
                for (var item : admin.get("/api/v2.0/system/gc?page_size=5").expect(200).array()) {
                    JsonObject run = item.asJsonObject();
                    if (run.getString("job_kind").equals("SCHEDULE")) {
                        fired = run;
                    }
                }
                pause();
            }
            assertTrue(fired != null, "the schedule fired within 40 s");
            assertTrue(parameters(fired).getBoolean("dry_run"), "with the stored parameters");
        } finally {
            admin.put("/api/v2.0/system/gc/schedule", "{\"schedule\":{\"type\":\"None\"}}").expect(200);
        }
        assertEquals("None", admin.get("/api/v2.0/system/gc/schedule").expect(200).json()
                .getJsonObject("schedule").getString("type"));
        awaitNoRun();
    }

    @Test
    void historyAndLogOfEveryRun() {
        JsonObject run = runGc("{\"workers\":2}");
        ApiClient.Response list = admin.get("/api/v2.0/system/gc?page=1&page_size=2").expect(200);
        assertTrue(Integer.parseInt(list.header("X-Total-Count")) >= 1);
        assertEquals(run.getInt("id"), list.array().getJsonObject(0).getInt("id"), "newest first");
        assertEquals("GARBAGE_COLLECTION", run.getString("job_name"));
        assertEquals("MANUAL", run.getString("job_kind"));
        assertEquals("Manual", run.getJsonObject("schedule").getString("type"));
        assertEquals(2, parameters(run).getInt("workers"));
        assertTrue(log(run).contains("Garbage collection finished"), log(run));
        assertEquals(404, admin.get("/api/v2.0/system/gc/987654321").status());
        assertEquals(404, admin.get("/api/v2.0/system/gc/987654321/log").status());
    }

    @Test
    void abandonedUploadsArePurged() {
        String repository = RegistryClient.uniqueRepository("gc-upload");
        String location = registry.startUploadLocation(repository);
        assertEquals(204, registry.get(location).statusCode());

        runGc("{}");

        assertEquals(404, registry.get(location).statusCode(), "the abandoned session is gone");
    }

    @Test
    void badRequestsAndPermissions() {
        assertEquals(400, admin.post("/api/v2.0/system/gc/schedule", manual("{\"workers\":11}")).status());
        assertEquals(400, admin.post("/api/v2.0/system/gc/schedule", manual("{\"dry_run\":\"maybe\"}")).status());
        assertEquals(400, admin.put("/api/v2.0/system/gc/schedule", "{\"schedule\":{\"type\":\"Custom\",\"cron\":\"* * *\"}}").status());
        assertEquals(400, admin.put("/api/v2.0/system/gc/schedule", "{\"schedule\":{\"type\":\"Sometimes\"}}").status());
        assertEquals(400, admin.put("/api/v2.0/system/gc/schedule", "{\"schedule\":{\"type\":\"Manual\"}}").status());

        ApiClient anonymous = ApiClient.anonymous(SERVER);
        assertEquals(401, anonymous.get("/api/v2.0/system/gc").status());
        assertEquals(401, anonymous.post("/api/v2.0/system/gc/schedule", manual("{}")).status());
        ApiClient.TestUser user = admin.newUser("gc-user");
        assertEquals(403, user.client().get("/api/v2.0/system/gc").status());
        assertEquals(403, user.client().post("/api/v2.0/system/gc/schedule", manual("{}")).status());
        assertEquals(403, user.client().put("/api/v2.0/system/gc/1", null).status());

        // Deleting on /v2/ needs Maintainer or more: a developer may push but not delete.
        String project = RegistryClient.uniqueName("gc-rbac");
        admin.createProject(project, false);
        ApiClient.TestUser developer = admin.newUser("gc-dev");
        ApiClient.TestUser maintainer = admin.newUser("gc-maint");
        admin.addMember(project, developer.id(), ApiClient.DEVELOPER);
        admin.addMember(project, maintainer.id(), ApiClient.MAINTAINER);
        RegistryClient asDeveloper = RegistryClient.as(SERVER, developer.username(), developer.password());
        String repository = project + "/app";
        Pushed image = push(asDeveloper, repository, "v1", utf8("rbac base " + UUID.randomUUID()), utf8("rbac " + UUID.randomUUID()));
        int refused = asDeveloper.delete("/v2/" + repository + "/manifests/" + image.digest).statusCode();
        assertTrue(refused == 401 || refused == 403, "developer delete answered " + refused);
        assertEquals(200, asDeveloper.head("/v2/" + repository + "/manifests/v1").statusCode());
        RegistryClient asMaintainer = RegistryClient.as(SERVER, maintainer.username(), maintainer.password());
        assertEquals(202, asMaintainer.delete("/v2/" + repository + "/manifests/" + image.digest).statusCode());
        assertEquals(404, asMaintainer.head("/v2/" + repository + "/manifests/v1").statusCode());
    }

    // --- helpers ---

    /** An image as pushed: manifest bytes and digest, config and layers (base first). */
    record Pushed(String tag, String digest, byte[] manifest, String configDigest, byte[] config, String layerDigest,
            byte[] layer, String baseDigest, byte[] base) {
    }

    private Pushed push(String repository, String tag, byte[] base, byte[] layer) {
        return push(registry, repository, tag, base, layer);
    }

    private static Pushed push(RegistryClient client, String repository, String tag, byte[] base, byte[] layer) {
        byte[] config = utf8("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + sha256(base) + "\",\"" + sha256(layer) + "\"]}}");
        client.pushBlob(repository, base);
        client.pushBlob(repository, layer);
        client.pushBlob(repository, config);
        byte[] manifest = manifest(config, base, layer);
        String digest = client.pushManifest(repository, tag == null ? sha256(manifest) : tag, OCI_MANIFEST, manifest);
        return new Pushed(tag, digest, manifest, sha256(config), config, sha256(layer), layer, sha256(base), base);
    }

    /** As a client does it: HEAD each blob, upload the missing ones, PUT the manifest; again if a blob vanished meanwhile. */
    private Pushed pushRetrying(String repository, String tag, byte[] base, byte[] layer) {
        byte[] config = utf8("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + sha256(base) + "\",\"" + sha256(layer) + "\"]}}");
        byte[] manifest = manifest(config, base, layer);
        for (int attempt = 1; attempt <= 5; attempt++) {
            for (byte[] blob : List.of(base, layer, config)) {
                int head = registry.head("/v2/" + repository + "/blobs/" + sha256(blob)).statusCode();
                if (head == 404) {
                    registry.pushBlob(repository, blob);
                } else {
                    assertEquals(200, head);
                }
            }
            HttpResponse<byte[]> put = registry.putManifest(repository, tag, OCI_MANIFEST, manifest);
            if (put.statusCode() == 201) {
                return new Pushed(tag, sha256(manifest), manifest, sha256(config), config, sha256(layer), layer, sha256(base), base);
            }
            assertTrue(text(put).contains("MANIFEST_BLOB_UNKNOWN"), "only a vanished blob may refuse the push: " + text(put));
        }
        return fail("the push did not succeed in 5 attempts");
    }

    private static byte[] manifest(byte[] config, byte[] base, byte[] layer) {
        return utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\","
                + "\"config\":" + descriptor(OCI_CONFIG, sha256(config), config.length) + ","
                + "\"layers\":[" + descriptor(OCI_LAYER, sha256(base), base.length) + ","
                + descriptor(OCI_LAYER, sha256(layer), layer.length) + "]}");
    }

    private void assertPullsExactly(String repository, String reference, Pushed image) {
        HttpResponse<byte[]> manifest = registry.get("/v2/" + repository + "/manifests/" + reference, List.of(OCI_MANIFEST));
        assertEquals(200, manifest.statusCode(), () -> reference + ": " + text(manifest));
        assertArrayEquals(image.manifest, manifest.body());
        for (byte[] blob : List.of(image.config, image.base, image.layer)) {
            HttpResponse<byte[]> pulled = registry.get("/v2/" + repository + "/blobs/" + sha256(blob));
            assertEquals(200, pulled.statusCode(), () -> sha256(blob) + " of " + reference + ": " + text(pulled));
            assertArrayEquals(blob, pulled.body());
        }
    }

    private static long size(Pushed image) {
        return image.manifest.length + image.config.length + image.layer.length + image.base.length;
    }

    /** A private project with no storage limit; its id. */
    private long createProject(String name) {
        return admin.post("/api/v2.0/projects", "{\"project_name\":\"" + name + "\",\"metadata\":{\"public\":\"false\"}}")
                .expect(201).locationId();
    }

    /** The project's quota usage as {@code /api/v2.0/quotas} reports it. */
    private long used(long projectId) {
        var quotas = admin.get("/api/v2.0/quotas?reference=project&reference_id=" + projectId).expect(200).array();
        assertEquals(1, quotas.size(), quotas.toString());
        return quotas.getJsonObject(0).getJsonObject("used").getJsonNumber("storage").longValue();
    }


    private static String manual(String parameters) {
        return "{\"schedule\":{\"type\":\"Manual\"},\"parameters\":" + parameters + "}";
    }

    /** Starts a manual run (waiting for a running one to end first) and waits for it to end. */
    private JsonObject runGc(String parameters) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            ApiClient.Response started = admin.post("/api/v2.0/system/gc/schedule", manual(parameters));
            if (started.status() == 201) {
                return awaitFinal(started.locationId());
            }
            assertEquals(409, started.status(), started.body());
            pause();
        }
        return fail("could not start a garbage collection within 2 minutes");
    }

    private JsonObject awaitFinal(long id) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            JsonObject run = admin.get("/api/v2.0/system/gc/" + id).expect(200).json();
            if (FINAL.contains(run.getString("job_status"))) {
                return run;
            }
            pause();
        }
        return fail("garbage collection " + id + " did not end within 2 minutes");
    }

    private void awaitNoRun() {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            boolean running = false;
            for (var item : admin.get("/api/v2.0/system/gc?page_size=10").expect(200).array()) {
                running |= !FINAL.contains(item.asJsonObject().getString("job_status"));
            }
            if (!running) {
                return;
            }
            pause();
        }
        fail("a garbage collection was still running after 2 minutes");
    }

    private String log(JsonObject run) {
        return admin.get("/api/v2.0/system/gc/" + run.getInt("id") + "/log").expect(200).body();
    }

    private static JsonObject parameters(JsonObject run) {
        try (var reader = Json.createReader(new StringReader(run.getString("job_parameters")))) {
            return reader.readObject();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GC runs, one after another on a thread of its own, until closed: the continuous GC that the race tests push against. */
    private final class GcLoop implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger runs = new AtomicInteger();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private final Thread thread;

        GcLoop(String parameters) {
            thread = new Thread(() -> {
                try {
                    while (running.get()) {
                        JsonObject run = runGc(parameters);
                        assertEquals("Success", run.getString("job_status"), run.toString());
                        runs.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            thread.start();
        }

        boolean failed() {
            return !failures.isEmpty();
        }

        /** Stops after the current run; every run must have succeeded, and at least three must have run. */
        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofMinutes(2).toMillis());
            assertTrue(failures.isEmpty(), () -> "GC loop failed: " + failures);
            assertTrue(runs.get() >= 3, "GC ran during the pushes: " + runs.get());
        }
    }
}
