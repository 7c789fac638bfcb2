package io.berth.it;

import static io.berth.it.RegistryClient.OCI_CONFIG;
import static io.berth.it.RegistryClient.OCI_MANIFEST;
import static io.berth.it.RegistryClient.descriptor;
import static io.berth.it.RegistryClient.sha256;
import static io.berth.it.RegistryClient.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * cosign's tag-scheme signatures (what cosign pushes without {@code --registry-referrers-mode}): an image manifest
 * tagged {@code sha256-<subject hex>.sig} in the subject's repository is, as in Harbor, a {@code signature.cosign}
 * accessory of the subject, hidden from the top-level listing and deleted with it, yet no OCI referrer.
 */
class CosignSignatureIT {

    private static final String SIMPLE_SIGNING = "application/vnd.dev.cosign.simplesigning.v1+json";

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final RegistryClient registry = new RegistryClient(server);

    @Test
    void aSignatureTaggedAfterItsSubjectIsItsAccessoryAndGoesWithIt() {
        String project = RegistryClient.uniqueName("cosign");
        admin.createProject(project, false);
        String repository = project + "/app";
        RegistryClient.Image image = registry.pushImage(repository, "v1", "signed " + project);
        RegistryClient.Image unrelated = registry.pushImage(repository, "unrelated", "unrelated " + project);
        String signatureTag = signatureTag(image.digest());
        String signature = pushSignature(repository, signatureTag, image.digest(), "first");
        // cosign signing again pulls the signature manifest, adds a layer and pushes it under the same tag: the
        // first manifest, now untagged, still signs the image.
        String resigned = pushSignature(repository, signatureTag, image.digest(), "first", "second");
        // A signature whose subject is not in the repository is an ordinary artifact, as in Harbor.
        String orphanSubject = sha256(utf8("not pushed " + project));
        String orphan = pushSignature(repository, signatureTag(orphanSubject), orphanSubject, "orphan");

        String repo = "/api/v2.0/projects/" + project + "/repositories/app";
        JsonObject signed = admin.get(repo + "/artifacts/v1?with_accessory=true").expect(200).json();
        JsonArray accessories = signed.getJsonArray("accessories");
        assertEquals(List.of(signature, resigned), accessories.getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("digest")).toList(), accessories.toString());
        JsonObject accessory = accessories.getJsonObject(1);
        assertEquals("signature.cosign", accessory.getString("type"));
        assertEquals(image.digest(), accessory.getString("subject_artifact_digest"));
        assertEquals(signed.getJsonNumber("id").longValue(), accessory.getJsonNumber("subject_artifact_id").longValue());
        assertEquals(repository, accessory.getString("subject_artifact_repo"));
        assertEquals(accessory.getJsonNumber("id").longValue(), accessory.getJsonNumber("artifact_id").longValue());
        assertTrue(accessory.getJsonNumber("size").longValue() > 0, accessory.toString());
        assertTrue(accessory.containsKey("creation_time"), accessory.toString());
        assertEquals("2", admin.get(repo + "/artifacts/v1/accessories").expect(200).header("X-Total-Count"));
        assertEquals(List.of(signatureTag), ContentApiIT.names(admin.get(repo + "/artifacts/" + resigned).expect(200)
                .json().getJsonArray("tags")));

        ApiClient.Response listed = admin.get(repo + "/artifacts?with_accessory=true").expect(200);
        assertEquals(Set.of(image.digest(), unrelated.digest(), orphan), digests(listed.array()),
                "signatures of an artifact in the repository are not top-level: " + listed.body());
        assertEquals("3", listed.header("X-Total-Count"));
        assertEquals(3, admin.get(repo).expect(200).json().getInt("artifact_count"));
        assertEquals("5", admin.get(repo + "/artifacts?q=base%3D*").expect(200).header("X-Total-Count"));

        // Not an OCI 1.1 referrer: the referrers API lists only manifests with a subject.
        JsonObject referrers = TestImages.json(registry.get("/v2/" + repository + "/referrers/" + image.digest()).body());
        assertEquals(0, referrers.getJsonArray("manifests").size(), referrers.toString());

        admin.delete(repo + "/artifacts/v1").expect(200);
        assertEquals(404, registry.get("/v2/" + repository + "/manifests/" + signatureTag).statusCode());
        assertEquals(404, registry.get("/v2/" + repository + "/manifests/" + signature).statusCode());
        assertEquals(404, registry.get("/v2/" + repository + "/manifests/" + resigned).statusCode());
        assertEquals(200, registry.get("/v2/" + repository + "/manifests/" + orphan).statusCode());
        assertEquals(Set.of(unrelated.digest(), orphan), digests(admin.get(repo + "/artifacts?q=base%3D*").expect(200).array()));

        admin.delete(repo).expect(200);
        admin.delete("/api/v2.0/projects/" + project).expect(200);
    }

    private static String signatureTag(String subject) {
        return subject.replace(':', '-') + ".sig";
    }

    /**
     * Pushes what cosign pushes for a signature of {@code subject}: an OCI image whose layers are simple-signing
     * payloads, each with its signature in an annotation. Returns the manifest's digest.
     */
    private String pushSignature(String repository, String tag, String subject, String... signers) {
        StringBuilder layers = new StringBuilder();
        StringBuilder diffIds = new StringBuilder();
        for (String signer : signers) {
            byte[] payload = utf8("{\"critical\":{\"identity\":{\"docker-reference\":\"" + repository + "\"},\"image\":"
                    + "{\"docker-manifest-digest\":\"" + subject + "\"},\"type\":\"cosign container image signature\"},"
                    + "\"optional\":{\"signer\":\"" + signer + "\"}}");
            String digest = registry.pushBlob(repository, payload);
            String layer = descriptor(SIMPLE_SIGNING, digest, payload.length);
            layers.append(layers.isEmpty() ? "" : ",").append(layer, 0, layer.length() - 1)
                    .append(",\"annotations\":{\"dev.cosignproject.cosign/signature\":\"MEUCIQ-").append(signer).append("\"}}");
            diffIds.append(diffIds.isEmpty() ? "" : ",").append('"').append(digest).append('"');
        }
        byte[] config = utf8("{\"architecture\":\"\",\"created\":\"0001-01-01T00:00:00Z\",\"os\":\"\",\"config\":{},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}");
        String configDigest = registry.pushBlob(repository, config);
        byte[] manifest = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":"
                + descriptor(OCI_CONFIG, configDigest, config.length) + ",\"layers\":[" + layers + "]}");
        return registry.pushManifest(repository, tag, OCI_MANIFEST, manifest);
    }

    private static Set<String> digests(JsonArray artifacts) {
        return artifacts.getValuesAs(JsonObject.class).stream().map(a -> a.getString("digest")).collect(Collectors.toSet());
    }
}
