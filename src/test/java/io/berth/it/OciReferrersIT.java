package io.berth.it;

import static io.berth.it.OciAssert.assertError;
import static io.berth.it.OciAssert.assertStatus;
import static io.berth.it.OciAssert.header;
import static io.berth.it.OciAssert.json;
import static io.berth.it.RegistryClient.EMPTY_JSON_DIGEST;
import static io.berth.it.RegistryClient.OCI_EMPTY;
import static io.berth.it.RegistryClient.OCI_INDEX;
import static io.berth.it.RegistryClient.OCI_MANIFEST;
import static io.berth.it.RegistryClient.descriptor;
import static io.berth.it.RegistryClient.sha256;
import static io.berth.it.RegistryClient.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code GET /v2/<name>/referrers/<digest>} and the {@code subject} of pushed manifests (OCI 1.1). */
class OciReferrersIT {

    private static final String SBOM = "application/vnd.example.sbom.v1";
    private static final String SIGNATURE_CONFIG = "application/vnd.example.signature.config.v1+json";
    private static final String BUNDLE = "application/vnd.example.bundle.v1";

    private final RegistryClient registry = new RegistryClient(BerthServer.shared());

    @Test
    void referrersAreListedAsAnImageIndex() {
        String repository = RegistryClient.uniqueRepository("referrers-it");
        RegistryClient.Image image = registry.pushImage(repository, "v1", repository);
        String subject = subjectDescriptor(image);

        // An artifact with artifactType and the empty config...
        byte[] sbom = artifact(repository, SBOM, OCI_EMPTY, EMPTY_JSON_DIGEST, 2, subject, "sbom");
        HttpResponse<byte[]> put = registry.putManifest(repository, sha256(sbom), OCI_MANIFEST, sbom);
        assertStatus(201, put);
        assertEquals(image.digest(), header(put, "OCI-Subject"));
        // ...one whose artifact type is its config's media type...
        byte[] signatureConfig = utf8("{\"signed\":\"" + image.digest() + "\"}");
        String signatureConfigDigest = registry.pushBlob(repository, signatureConfig);
        byte[] signature = artifact(repository, null, SIGNATURE_CONFIG, signatureConfigDigest, signatureConfig.length,
                subject, "signature");
        assertEquals(image.digest(), header(registry.putManifest(repository, sha256(signature), OCI_MANIFEST, signature), "OCI-Subject"));
        // ...and an index with a subject.
        byte[] bundle = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"artifactType\":\"" + BUNDLE + "\","
                + "\"manifests\":[" + descriptor(OCI_MANIFEST, sha256(sbom), sbom.length) + "],"
                + "\"subject\":" + subject + ",\"annotations\":{\"org.example.kind\":\"bundle\"}}");
        assertEquals(image.digest(), header(registry.putManifest(repository, sha256(bundle), OCI_INDEX, bundle), "OCI-Subject"));

        HttpResponse<byte[]> response = registry.get("/v2/" + repository + "/referrers/" + image.digest());

        assertStatus(200, response);
        assertEquals(OCI_INDEX, header(response, "Content-Type"));
        assertNull(header(response, "OCI-Filters-Applied"));
        JsonObject index = json(response);
        assertEquals(2, index.getInt("schemaVersion"));
        assertEquals(OCI_INDEX, index.getString("mediaType"));
        Map<String, JsonObject> listed = byDigest(index.getJsonArray("manifests"));
        assertEquals(Set.of(sha256(sbom), sha256(signature), sha256(bundle)), listed.keySet());
        assertReferrer(listed.get(sha256(sbom)), OCI_MANIFEST, sbom, SBOM, "sbom");
        assertReferrer(listed.get(sha256(signature)), OCI_MANIFEST, signature, SIGNATURE_CONFIG, "signature");
        assertReferrer(listed.get(sha256(bundle)), OCI_INDEX, bundle, BUNDLE, "bundle");
    }

    @Test
    void artifactTypeFiltersTheList() {
        String repository = RegistryClient.uniqueRepository("referrers-it");
        RegistryClient.Image image = registry.pushImage(repository, "v1", repository);
        String subject = subjectDescriptor(image);
        byte[] sbom = artifact(repository, SBOM, OCI_EMPTY, EMPTY_JSON_DIGEST, 2, subject, "sbom");
        byte[] other = artifact(repository, "application/vnd.example.other.v1", OCI_EMPTY, EMPTY_JSON_DIGEST, 2, subject, "other");
        registry.pushManifest(repository, sha256(sbom), OCI_MANIFEST, sbom);
        registry.pushManifest(repository, sha256(other), OCI_MANIFEST, other);
        String path = "/v2/" + repository + "/referrers/" + image.digest() + "?artifactType=";

        HttpResponse<byte[]> filtered = registry.get(path + URLEncoder.encode(SBOM, StandardCharsets.UTF_8));

        assertStatus(200, filtered);
        assertEquals("artifactType", header(filtered, "OCI-Filters-Applied"));
        assertEquals(Set.of(sha256(sbom)), byDigest(json(filtered).getJsonArray("manifests")).keySet());

        HttpResponse<byte[]> nothing = registry.get(path + URLEncoder.encode("application/vnd.example.none", StandardCharsets.UTF_8));
        assertStatus(200, nothing);
        assertEquals("artifactType", header(nothing, "OCI-Filters-Applied"));
        assertEquals(0, json(nothing).getJsonArray("manifests").size());
    }

    @Test
    void noReferrersIsAnEmptyIndex() {
        String repository = RegistryClient.uniqueRepository("referrers-it");
        RegistryClient.Image image = registry.pushImage(repository, "v1", repository);

        for (String digest : new String[] {image.digest(), sha256(utf8("nothing " + repository))}) {
            HttpResponse<byte[]> response = registry.get("/v2/" + repository + "/referrers/" + digest);
            assertStatus(200, response);
            assertEquals(OCI_INDEX, header(response, "Content-Type"));
            JsonObject index = json(response);
            assertEquals(2, index.getInt("schemaVersion"));
            assertEquals(0, index.getJsonArray("manifests").size());
        }
    }

    @Test
    void malformedDigestIsDigestInvalid() {
        String repository = RegistryClient.uniqueRepository("referrers-it");
        registry.pushImage(repository, "v1", repository);

        assertError(registry.get("/v2/" + repository + "/referrers/sha256:nothex"), 400, "DIGEST_INVALID");
        assertError(registry.get("/v2/" + repository + "/referrers/latest"), 400, "DIGEST_INVALID");
    }

    @Test
    void aReferrerMayArriveBeforeItsSubject() {
        String repository = RegistryClient.uniqueRepository("referrers-it");
        // The subject's manifest is only computed here; it is pushed after its referrer.
        RegistryClient.Image later = imageNotYetPushed(repository);
        String subject = descriptor(OCI_MANIFEST, later.digest(), later.manifest().length);
        byte[] signature = artifact(repository, SBOM, OCI_EMPTY, EMPTY_JSON_DIGEST, 2, subject, "early");

        HttpResponse<byte[]> put = registry.putManifest(repository, sha256(signature), OCI_MANIFEST, signature);

        assertStatus(201, put);
        assertEquals(later.digest(), header(put, "OCI-Subject"));
        assertEquals(Set.of(sha256(signature)), referrers(repository, later.digest()));
        registry.pushManifest(repository, "v1", OCI_MANIFEST, later.manifest());
        assertEquals(Set.of(sha256(signature)), referrers(repository, later.digest()));
    }

    @Test
    void referrersAreScopedToTheRepositoryAndDisappearWhenDeleted() {
        String repository = RegistryClient.uniqueRepository("referrers-it");
        String elsewhere = RegistryClient.uniqueRepository("referrers-it");
        RegistryClient.Image image = registry.pushImage(repository, "v1", repository);
        registry.pushImage(elsewhere, "v1", repository); // the same image in a second repository
        byte[] sbom = artifact(repository, SBOM, OCI_EMPTY, EMPTY_JSON_DIGEST, 2, subjectDescriptor(image), "sbom");
        registry.pushManifest(repository, sha256(sbom), OCI_MANIFEST, sbom);

        assertEquals(Set.of(sha256(sbom)), referrers(repository, image.digest()));
        assertEquals(Set.of(), referrers(elsewhere, image.digest()));

        assertStatus(202, registry.delete("/v2/" + repository + "/manifests/" + sha256(sbom)));
        assertEquals(Set.of(), referrers(repository, image.digest()));
    }

    private Set<String> referrers(String repository, String digest) {
        HttpResponse<byte[]> response = registry.get("/v2/" + repository + "/referrers/" + digest);
        assertStatus(200, response);
        return byDigest(json(response).getJsonArray("manifests")).keySet();
    }

    /**
     * An OCI artifact manifest with one layer made from {@code kind}, the given config, a {@code subject}
     * and the annotation {@code org.example.kind=<kind>}; its blobs are pushed, the manifest is not.
     */
    private byte[] artifact(String repository, String artifactType, String configType, String configDigest, long configSize,
            String subject, String kind) {
        registry.pushBlob(repository, RegistryClient.EMPTY_JSON);
        byte[] payload = utf8(kind + " of " + repository);
        String payloadDigest = registry.pushBlob(repository, payload);
        return utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\","
                + (artifactType == null ? "" : "\"artifactType\":\"" + artifactType + "\",")
                + "\"config\":" + descriptor(configType, configDigest, configSize) + ","
                + "\"layers\":[" + descriptor("application/vnd.example.payload", payloadDigest, payload.length) + "],"
                + "\"subject\":" + subject + ","
                + "\"annotations\":{\"org.example.kind\":\"" + kind + "\"}}");
    }

    /** An OCI image whose blobs are pushed but whose manifest is not. */
    private RegistryClient.Image imageNotYetPushed(String repository) {
        byte[] layer = utf8("later layer of " + repository);
        byte[] config = utf8("{\"architecture\":\"amd64\",\"os\":\"linux\",\"later\":true}");
        String layerDigest = registry.pushBlob(repository, layer);
        String configDigest = registry.pushBlob(repository, config);
        byte[] manifest = RegistryClient.imageManifest(OCI_MANIFEST, RegistryClient.OCI_CONFIG, configDigest, config.length,
                RegistryClient.OCI_LAYER, layerDigest, layer.length);
        return new RegistryClient.Image(sha256(manifest), manifest, configDigest, layerDigest);
    }

    private static String subjectDescriptor(RegistryClient.Image image) {
        return descriptor(OCI_MANIFEST, image.digest(), image.manifest().length);
    }

    private static Map<String, JsonObject> byDigest(JsonArray manifests) {
        return manifests.stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(d -> d.getString("digest"), d -> d));
    }

    private static void assertReferrer(JsonObject descriptor, String mediaType, byte[] manifest, String artifactType, String kind) {
        assertEquals(mediaType, descriptor.getString("mediaType"));
        assertEquals(sha256(manifest), descriptor.getString("digest"));
        assertEquals(manifest.length, descriptor.getJsonNumber("size").longValue());
        assertEquals(artifactType, descriptor.getString("artifactType"));
        assertEquals(Map.of("org.example.kind", kind), descriptor.getJsonObject("annotations").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((JsonString) e.getValue()).getString())));
        assertFalse(descriptor.containsKey("platform"));
    }
}
