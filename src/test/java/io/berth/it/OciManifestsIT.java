package io.berth.it;

import static io.berth.it.OciAssert.assertBody;
import static io.berth.it.OciAssert.assertError;
import static io.berth.it.OciAssert.assertStatus;
import static io.berth.it.OciAssert.header;
import static io.berth.it.OciAssert.strings;
import static io.berth.it.RegistryClient.DOCKER_CONFIG;
import static io.berth.it.RegistryClient.DOCKER_LAYER;
import static io.berth.it.RegistryClient.DOCKER_MANIFEST;
import static io.berth.it.RegistryClient.DOCKER_MANIFEST_LIST;
import static io.berth.it.RegistryClient.OCI_CONFIG;
import static io.berth.it.RegistryClient.OCI_EMPTY;
import static io.berth.it.RegistryClient.OCI_INDEX;
import static io.berth.it.RegistryClient.OCI_LAYER;
import static io.berth.it.RegistryClient.OCI_MANIFEST;
import static io.berth.it.RegistryClient.descriptor;
import static io.berth.it.RegistryClient.location;
import static io.berth.it.RegistryClient.platformDescriptor;
import static io.berth.it.RegistryClient.sha256;
import static io.berth.it.RegistryClient.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /v2/<name>/manifests/<reference>}: push, pull and delete of OCI and Docker manifests and indexes,
 * artifacts, content negotiation, and every way a manifest push is refused.
 */
class OciManifestsIT {

    private static final List<String> IMAGE_MANIFEST_TYPES_ONLY = List.of(OCI_MANIFEST, DOCKER_MANIFEST);
    private static final List<String> ALL_MANIFEST_TYPES = List.of(OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST);

    private final RegistryClient registry = new RegistryClient(BerthServer.shared());

    @Test
    void ociImageManifestByTagAndByDigest() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] manifest = imageManifest(repository, "oci", false);
        String digest = sha256(manifest);

        HttpResponse<byte[]> put = registry.putManifest(repository, "v1", OCI_MANIFEST, manifest);

        assertStatus(201, put);
        assertEquals("/v2/" + repository + "/manifests/" + digest, location(put));
        assertEquals(digest, header(put, "Docker-Content-Digest"));
        assertEquals(null, header(put, "OCI-Subject"), "no subject, no OCI-Subject");
        assertServed(repository, "v1", OCI_MANIFEST, manifest);
        assertServed(repository, digest, OCI_MANIFEST, manifest);
    }

    @Test
    void dockerSchema2ManifestByTagAndByDigest() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] manifest = imageManifest(repository, "docker", true);
        String digest = sha256(manifest);

        assertEquals(digest, registry.pushManifest(repository, digest, DOCKER_MANIFEST, manifest));
        assertEquals(digest, registry.pushManifest(repository, "latest", DOCKER_MANIFEST, manifest));

        assertServed(repository, "latest", DOCKER_MANIFEST, manifest);
        assertServed(repository, digest, DOCKER_MANIFEST, manifest);
    }

    @Test
    void ociIndexWithItsChildrenPushedFirst() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] amd64 = imageManifest(repository, "amd64", false);
        byte[] arm64 = imageManifest(repository, "arm64", false);
        registry.pushManifest(repository, sha256(amd64), OCI_MANIFEST, amd64);
        registry.pushManifest(repository, sha256(arm64), OCI_MANIFEST, arm64);
        byte[] index = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":["
                + platformDescriptor(OCI_MANIFEST, sha256(amd64), amd64.length, "linux", "amd64") + ","
                + platformDescriptor(OCI_MANIFEST, sha256(arm64), arm64.length, "linux", "arm64") + "]}");

        HttpResponse<byte[]> put = registry.putManifest(repository, "multi", OCI_INDEX, index);

        assertStatus(201, put);
        assertEquals(sha256(index), header(put, "Docker-Content-Digest"));
        assertServed(repository, "multi", OCI_INDEX, index);
        assertServed(repository, sha256(index), OCI_INDEX, index);
        assertServed(repository, sha256(arm64), OCI_MANIFEST, arm64);
    }

    @Test
    void dockerManifestListWithItsChildrenPushedFirst() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] amd64 = imageManifest(repository, "amd64", true);
        byte[] arm64 = imageManifest(repository, "arm64", true);
        registry.pushManifest(repository, sha256(amd64), DOCKER_MANIFEST, amd64);
        registry.pushManifest(repository, sha256(arm64), DOCKER_MANIFEST, arm64);
        byte[] list = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + DOCKER_MANIFEST_LIST + "\",\"manifests\":["
                + platformDescriptor(DOCKER_MANIFEST, sha256(amd64), amd64.length, "linux", "amd64") + ","
                + platformDescriptor(DOCKER_MANIFEST, sha256(arm64), arm64.length, "linux", "arm64") + "]}");

        registry.pushManifest(repository, "multi", DOCKER_MANIFEST_LIST, list);

        assertServed(repository, "multi", DOCKER_MANIFEST_LIST, list);
        assertServed(repository, sha256(list), DOCKER_MANIFEST_LIST, list);
    }

    @Test
    void artifactWithArtifactTypeAndTheEmptyConfig() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        assertEquals(RegistryClient.EMPTY_JSON_DIGEST, registry.pushBlob(repository, RegistryClient.EMPTY_JSON));
        byte[] payload = utf8("{\"sbom\":\"" + repository + "\"}");
        String payloadDigest = registry.pushBlob(repository, payload);
        byte[] artifact = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\","
                + "\"artifactType\":\"application/vnd.example.sbom.v1\","
                + "\"config\":{\"mediaType\":\"" + OCI_EMPTY + "\",\"digest\":\"" + RegistryClient.EMPTY_JSON_DIGEST
                + "\",\"size\":2,\"data\":\"e30=\"},"
                + "\"layers\":[" + descriptor("application/vnd.example.sbom.v1+json", payloadDigest, payload.length) + "],"
                + "\"annotations\":{\"org.opencontainers.image.created\":\"2024-01-01T00:00:00Z\"}}");

        registry.pushManifest(repository, "sbom", OCI_MANIFEST, artifact);

        assertServed(repository, "sbom", OCI_MANIFEST, artifact);
        assertServed(repository, sha256(artifact), OCI_MANIFEST, artifact);
    }

    @Test
    void theContentTypeNamesAManifestWithoutMediaType() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        String text = new String(imageManifest(repository, "untyped", false), StandardCharsets.UTF_8);
        byte[] untyped = utf8(text.replace("\"mediaType\":\"" + OCI_MANIFEST + "\",", ""));

        registry.pushManifest(repository, "v1", OCI_MANIFEST + "; charset=utf-8", untyped);

        assertServed(repository, "v1", OCI_MANIFEST, untyped);
    }

    @Test
    void aManifestPushedByItsSha512Digest() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] manifest = imageManifest(repository, "sha512", false);
        String digest = RegistryClient.sha512(manifest);

        HttpResponse<byte[]> put = registry.putManifest(repository, digest, OCI_MANIFEST, manifest);

        assertStatus(201, put);
        assertEquals(digest, header(put, "Docker-Content-Digest"));
        assertEquals("/v2/" + repository + "/manifests/" + digest, location(put));
        HttpResponse<byte[]> get = registry.get("/v2/" + repository + "/manifests/" + digest);
        assertStatus(200, get);
        assertBody(manifest, get);
        assertEquals(digest, header(get, "Docker-Content-Digest"));
    }

    @Test
    void pushingUnderAnExistingTagMovesIt() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] first = imageManifest(repository, "first", false);
        byte[] second = imageManifest(repository, "second", false);
        registry.pushManifest(repository, "latest", OCI_MANIFEST, first);

        registry.pushManifest(repository, "latest", OCI_MANIFEST, second);

        assertServed(repository, "latest", OCI_MANIFEST, second);
        assertServed(repository, sha256(first), OCI_MANIFEST, first);
    }

    @Test
    void anIndexByTagIsOnlyServedToClientsThatAcceptIndexes() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] child = imageManifest(repository, "child", false);
        registry.pushManifest(repository, sha256(child), OCI_MANIFEST, child);
        byte[] index = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":["
                + platformDescriptor(OCI_MANIFEST, sha256(child), child.length, "linux", "amd64") + "]}");
        registry.pushManifest(repository, "multi", OCI_INDEX, index);
        String byTag = "/v2/" + repository + "/manifests/multi";
        String byDigest = "/v2/" + repository + "/manifests/" + sha256(index);

        assertError(registry.get(byTag, IMAGE_MANIFEST_TYPES_ONLY), 404, "MANIFEST_UNKNOWN");
        assertError(registry.send(registry.request(byTag).header("Accept", String.join(",", IMAGE_MANIFEST_TYPES_ONLY))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build()), 404, "MANIFEST_UNKNOWN");

        HttpResponse<byte[]> exact = registry.get(byDigest, IMAGE_MANIFEST_TYPES_ONLY);
        assertStatus(200, exact);
        assertBody(index, exact);

        HttpResponse<byte[]> accepted = registry.get(byTag, ALL_MANIFEST_TYPES);
        assertStatus(200, accepted);
        assertEquals(OCI_INDEX, header(accepted, "Content-Type"));
        assertBody(index, accepted);
        assertStatus(200, registry.get(byTag, List.of("*/*")));
        // Several Accept headers count together, as Docker sends them.
        assertStatus(200, registry.send(registry.request(byTag).header("Accept", OCI_MANIFEST)
                .header("Accept", OCI_INDEX).GET().build()));
    }

    @Test
    void aMissingLayerIsManifestBlobUnknownAndNothingIsStored() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] config = utf8("{\"architecture\":\"amd64\",\"os\":\"linux\"}");
        String configDigest = registry.pushBlob(repository, config);
        byte[] neverPushed = utf8("layer that was never pushed " + repository);
        byte[] manifest = RegistryClient.imageManifest(OCI_MANIFEST, OCI_CONFIG, configDigest, config.length,
                OCI_LAYER, sha256(neverPushed), neverPushed.length);

        assertError(registry.putManifest(repository, "v1", OCI_MANIFEST, manifest), 400, "MANIFEST_BLOB_UNKNOWN");

        assertError(registry.get("/v2/" + repository + "/manifests/v1"), 404, "NAME_UNKNOWN");
        assertError(registry.get("/v2/" + repository + "/tags/list"), 404, "NAME_UNKNOWN");
    }

    @Test
    void anIndexWithAMissingChildIsManifestBlobUnknown() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] present = imageManifest(repository, "present", false);
        registry.pushManifest(repository, sha256(present), OCI_MANIFEST, present);
        byte[] absent = imageManifest(repository, "absent", false);
        byte[] index = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":["
                + platformDescriptor(OCI_MANIFEST, sha256(present), present.length, "linux", "amd64") + ","
                + platformDescriptor(OCI_MANIFEST, sha256(absent), absent.length, "linux", "arm64") + "]}");

        assertError(registry.putManifest(repository, "multi", OCI_INDEX, index), 400, "MANIFEST_BLOB_UNKNOWN");
        assertError(registry.get("/v2/" + repository + "/manifests/multi"), 404, "MANIFEST_UNKNOWN");
    }

    @Test
    void invalidJsonIsManifestInvalid() {
        String repository = RegistryClient.uniqueRepository("manifests-it");

        for (String body : List.of("{\"schemaVersion\":2,", "not json at all", "[]", "",
                "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\"} trailing",
                "{\"schemaVersion\":1,\"name\":\"x\",\"tag\":\"y\",\"fsLayers\":[]}")) {
            assertError(registry.putManifest(repository, "bad", OCI_MANIFEST, utf8(body)), 400, "MANIFEST_INVALID");
        }
        assertError(registry.get("/v2/" + repository + "/manifests/bad"), 404, "NAME_UNKNOWN");
    }

    @Test
    void contentTypeThatContradictsTheMediaTypeIsManifestInvalid() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] docker = imageManifest(repository, "docker", true);
        byte[] oci = imageManifest(repository, "oci", false);

        assertError(registry.putManifest(repository, "v1", OCI_MANIFEST, docker), 400, "MANIFEST_INVALID");
        assertError(registry.putManifest(repository, "v1", OCI_INDEX, oci), 400, "MANIFEST_INVALID");
        assertError(registry.get("/v2/" + repository + "/manifests/v1"), 404, "NAME_UNKNOWN");
    }

    @Test
    void putByADigestThatDoesNotMatchIsDigestInvalid() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] manifest = imageManifest(repository, "one", false);
        String wrong = sha256(utf8("something else"));

        assertError(registry.putManifest(repository, wrong, OCI_MANIFEST, manifest), 400, "DIGEST_INVALID");
        assertError(registry.head("/v2/" + repository + "/manifests/" + wrong), 404, "NAME_UNKNOWN");
        assertError(registry.get("/v2/" + repository + "/manifests/" + sha256(manifest)), 404, "NAME_UNKNOWN");
    }

    @Test
    void manifestsUpTo4MiBAreAcceptedAndLargerOnesAre413() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] small = imageManifest(repository, "big", false);
        String text = new String(small, StandardCharsets.UTF_8);
        String prefix = text.substring(0, text.length() - 1) + ",\"annotations\":{\"padding\":\"";
        String suffix = "\"}}";
        int limit = 4 * 1024 * 1024;
        byte[] atLimit = utf8(prefix + "x".repeat(limit - prefix.length() - suffix.length()) + suffix);
        byte[] overLimit = utf8(prefix + "x".repeat(limit + 1 - prefix.length() - suffix.length()) + suffix);
        assertEquals(limit, atLimit.length);

        assertStatus(201, registry.putManifest(repository, "at-limit", OCI_MANIFEST, atLimit));
        assertBody(atLimit, registry.get("/v2/" + repository + "/manifests/at-limit"));

        assertError(registry.putManifest(repository, "over-limit", OCI_MANIFEST, overLimit), 413, "MANIFEST_INVALID");
        assertError(registry.get("/v2/" + repository + "/manifests/over-limit"), 404, "MANIFEST_UNKNOWN");
    }

    @Test
    void invalidTagIsTagInvalid() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] manifest = imageManifest(repository, "tags", false);

        for (String tag : List.of("-leading-dash", ".leading-dot", "has%20space", "a".repeat(129), "plus+sign")) {
            assertError(registry.putManifest(repository, tag, OCI_MANIFEST, manifest), 400, "TAG_INVALID");
        }
        assertError(registry.get("/v2/" + repository + "/manifests/-leading-dash"), 400, "TAG_INVALID");
        // The longest legal tag is fine.
        assertStatus(201, registry.putManifest(repository, "A".repeat(128), OCI_MANIFEST, manifest));
    }

    @Test
    void malformedDigestReferenceIsDigestInvalid() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] manifest = imageManifest(repository, "digests", false);

        assertError(registry.putManifest(repository, "sha256:totallywrong", OCI_MANIFEST, manifest), 400, "DIGEST_INVALID");
        assertError(registry.get("/v2/" + repository + "/manifests/sha256:totallywrong"), 400, "DIGEST_INVALID");
        assertError(registry.delete("/v2/" + repository + "/manifests/sha256:" + "A".repeat(64)), 400, "DIGEST_INVALID");
    }

    @Test
    void pushingIntoAProjectThatDoesNotExistIsNameUnknown() {
        String repository = RegistryClient.uniqueName("noproject") + "/app";
        byte[] manifest = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":"
                + descriptor(OCI_EMPTY, RegistryClient.EMPTY_JSON_DIGEST, 2) + ",\"layers\":[]}");

        assertError(registry.putManifest(repository, "v1", OCI_MANIFEST, manifest), 404, "NAME_UNKNOWN");
    }

    @Test
    void deleteByTagRemovesOnlyTheTag() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] manifest = imageManifest(repository, "tagged", false);
        registry.pushManifest(repository, "one", OCI_MANIFEST, manifest);
        registry.pushManifest(repository, "two", OCI_MANIFEST, manifest);

        assertStatus(202, registry.delete("/v2/" + repository + "/manifests/one"));

        assertError(registry.get("/v2/" + repository + "/manifests/one"), 404, "MANIFEST_UNKNOWN");
        assertServed(repository, "two", OCI_MANIFEST, manifest);
        assertServed(repository, sha256(manifest), OCI_MANIFEST, manifest);
        assertEquals(List.of("two"), strings(OciAssert.json(registry.get("/v2/" + repository + "/tags/list")), "tags"));
        assertError(registry.delete("/v2/" + repository + "/manifests/one"), 404, "MANIFEST_UNKNOWN");
    }

    @Test
    void deleteByDigestRemovesTheManifestAndItsTags() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] manifest = imageManifest(repository, "doomed", false);
        byte[] survivor = imageManifest(repository, "survivor", false);
        registry.pushManifest(repository, "one", OCI_MANIFEST, manifest);
        registry.pushManifest(repository, "two", OCI_MANIFEST, manifest);
        registry.pushManifest(repository, "other", OCI_MANIFEST, survivor);
        String digest = sha256(manifest);

        assertStatus(202, registry.delete("/v2/" + repository + "/manifests/" + digest));

        assertError(registry.get("/v2/" + repository + "/manifests/" + digest), 404, "MANIFEST_UNKNOWN");
        assertError(registry.head("/v2/" + repository + "/manifests/" + digest), 404, "MANIFEST_UNKNOWN");
        assertError(registry.get("/v2/" + repository + "/manifests/one"), 404, "MANIFEST_UNKNOWN");
        assertError(registry.get("/v2/" + repository + "/manifests/two"), 404, "MANIFEST_UNKNOWN");
        assertEquals(List.of("other"), strings(OciAssert.json(registry.get("/v2/" + repository + "/tags/list")), "tags"));
        assertServed(repository, "other", OCI_MANIFEST, survivor);
        assertError(registry.delete("/v2/" + repository + "/manifests/" + digest), 404, "MANIFEST_UNKNOWN");
    }

    @Test
    void aDeletedManifestCanBePushedAgain() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        byte[] manifest = imageManifest(repository, "again", false);
        registry.pushManifest(repository, "v1", OCI_MANIFEST, manifest);
        assertStatus(202, registry.delete("/v2/" + repository + "/manifests/" + sha256(manifest)));

        registry.pushManifest(repository, "v1", OCI_MANIFEST, manifest);

        assertServed(repository, "v1", OCI_MANIFEST, manifest);
    }

    @Test
    void unknownManifestIsManifestUnknown() {
        String repository = RegistryClient.uniqueRepository("manifests-it");
        registry.pushImage(repository, "present", repository);
        String absent = sha256(utf8("absent " + repository));

        assertError(registry.get("/v2/" + repository + "/manifests/absent"), 404, "MANIFEST_UNKNOWN");
        assertError(registry.get("/v2/" + repository + "/manifests/" + absent), 404, "MANIFEST_UNKNOWN");
        assertError(registry.head("/v2/" + repository + "/manifests/absent"), 404, "MANIFEST_UNKNOWN");
        assertError(registry.delete("/v2/" + repository + "/manifests/" + absent), 404, "MANIFEST_UNKNOWN");
    }

    @Test
    void unknownRepositoryIsNameUnknown() {
        String repository = RegistryClient.uniqueRepository("manifests-it");

        assertError(registry.get("/v2/" + repository + "/manifests/latest"), 404, "NAME_UNKNOWN");
        assertError(registry.get("/v2/" + repository + "/manifests/" + sha256(utf8(repository))), 404, "NAME_UNKNOWN");
        assertError(registry.delete("/v2/" + repository + "/manifests/latest"), 404, "NAME_UNKNOWN");
    }

    /** GET and HEAD by {@code reference} answer the exact bytes with their type, length and digest. */
    private void assertServed(String repository, String reference, String mediaType, byte[] manifest) {
        String digest = sha256(manifest);
        String path = "/v2/" + repository + "/manifests/" + reference;
        HttpResponse<byte[]> get = registry.get(path);
        assertStatus(200, get);
        assertBody(manifest, get);
        assertEquals(mediaType, header(get, "Content-Type"), path);
        assertEquals(digest, header(get, "Docker-Content-Digest"), path);
        assertEquals("\"" + digest + "\"", header(get, "ETag"), path);
        assertEquals(Integer.toString(manifest.length), header(get, "Content-Length"), path);

        HttpResponse<byte[]> head = registry.head(path);
        assertStatus(200, head);
        assertEquals(0, head.body().length);
        assertEquals(mediaType, header(head, "Content-Type"), path);
        assertEquals(digest, header(head, "Docker-Content-Digest"), path);
        assertEquals(Integer.toString(manifest.length), header(head, "Content-Length"), path);
    }

    /** Pushes a config and a layer made from {@code seed} and returns (without pushing) an image manifest for them. */
    private byte[] imageManifest(String repository, String seed, boolean docker) {
        byte[] layer = utf8("layer " + seed + " of " + repository);
        byte[] config = utf8("{\"architecture\":\"amd64\",\"os\":\"linux\",\"seed\":\"" + seed + "\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"" + sha256(layer) + "\"]}}");
        String layerDigest = registry.pushBlob(repository, layer);
        String configDigest = registry.pushBlob(repository, config);
        return docker
                ? RegistryClient.imageManifest(DOCKER_MANIFEST, DOCKER_CONFIG, configDigest, config.length, DOCKER_LAYER, layerDigest, layer.length)
                : RegistryClient.imageManifest(OCI_MANIFEST, OCI_CONFIG, configDigest, config.length, OCI_LAYER, layerDigest, layer.length);
    }
}
