package io.berth.it;

import static io.berth.it.OciAssert.assertError;
import static io.berth.it.OciAssert.header;
import static io.berth.it.RegistryClient.OCI_MANIFEST;
import static io.berth.it.RegistryClient.sha256;
import static io.berth.it.RegistryClient.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The error side of {@code /v2/}: every refusal is {@code {"errors":[{"code","message","detail"?}]}} with the
 * status its code travels with, whatever endpoint or layer (routing, name grammar, validation) refused it.
 */
class OciErrorsIT {

    private static final String DIGEST = sha256(utf8("errors-it"));

    /** Names that break the OCI grammar, or Berth's {@code <project>/<repository>} rule. */
    private static final List<String> INVALID_NAMES = List.of(
            "Library/upper-case",
            "library/Upper",
            "library/-leading-dash",
            "library/trailing-dash-",
            "library/double..dot",
            "library/three___underscores",
            "library/trailing.",
            "library//empty-component",
            "no-project",
            "library/" + "a".repeat(250));

    private final RegistryClient registry = new RegistryClient(BerthServer.shared());

    @Test
    void namesThatBreakTheGrammarAreNameInvalidOnEveryEndpoint() {
        for (String name : INVALID_NAMES) {
            String v2 = "/v2/" + name;
            assertError(registry.get(v2 + "/tags/list"), 400, "NAME_INVALID");
            assertError(registry.get(v2 + "/manifests/latest"), 400, "NAME_INVALID");
            assertError(registry.head(v2 + "/manifests/latest"), 400, "NAME_INVALID");
            assertError(registry.putManifest(name, "latest", OCI_MANIFEST, utf8("{}")), 400, "NAME_INVALID");
            assertError(registry.delete(v2 + "/manifests/" + DIGEST), 400, "NAME_INVALID");
            assertError(registry.get(v2 + "/blobs/" + DIGEST), 400, "NAME_INVALID");
            assertError(registry.delete(v2 + "/blobs/" + DIGEST), 400, "NAME_INVALID");
            assertError(registry.startUpload(name), 400, "NAME_INVALID");
            assertError(registry.get(v2 + "/blobs/uploads/" + UUID.randomUUID()), 400, "NAME_INVALID");
            assertError(registry.get(v2 + "/referrers/" + DIGEST), 400, "NAME_INVALID");
        }
    }

    @Test
    void theLongestValidNameIsAccepted() {
        String name = "library/" + "a".repeat(255 - "library/".length());

        assertError(registry.get("/v2/" + name + "/tags/list"), 404, "NAME_UNKNOWN");
        assertEquals(202, registry.startUpload(name).statusCode());
    }

    @Test
    void unknownEndpointsUnderV2AreJson404s() {
        for (String path : List.of("/v2/library/errors-it/nonsense", "/v2/library/errors-it/tags", "/v2/_unknown",
                "/v2/library/errors-it/manifests", "/v2/library/errors-it/blobs")) {
            HttpResponse<byte[]> response = registry.get(path);
            assertError(response, 404, "NAME_UNKNOWN");
            assertEquals("registry/2.0", header(response, "Docker-Distribution-API-Version"), path);
        }
    }

    @Test
    void aMethodAnEndpointDoesNotHaveIsAJson405() {
        HttpResponse<byte[]> put = registry.send(registry.request("/v2/library/errors-it/tags/list")
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertError(put, 405, "UNSUPPORTED");

        HttpResponse<byte[]> post = registry.send(registry.request("/v2/library/errors-it/manifests/latest")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertError(post, 405, "UNSUPPORTED");
    }

    @Test
    void errorsCarryTheApiVersionHeaderAndADetail() {
        String repository = RegistryClient.uniqueRepository("errors-it");
        registry.pushImage(repository, "v1", repository);

        HttpResponse<byte[]> response = registry.get("/v2/" + repository + "/manifests/absent");

        assertEquals("manifest unknown", assertError(response, 404, "MANIFEST_UNKNOWN").getString("message"));
        assertEquals("registry/2.0", header(response, "Docker-Distribution-API-Version"));
    }

    @Test
    void conformanceSuiteErrorChecks() {
        String repository = RegistryClient.uniqueRepository("errors-it");
        registry.pushImage(repository, "v1", repository);

        // 07_error_codes: an invalid manifest PUT to a malformed digest answers a code from the specification.
        assertError(registry.putManifest(repository, "sha256:totallywrong", OCI_MANIFEST, utf8("{\"invalid\":true}")),
                400, "DIGEST_INVALID");
        // Deleting a tag that is not there answers a code from the specification.
        assertError(registry.delete("/v2/" + repository + "/manifests/no-such-tag"), 404, "MANIFEST_UNKNOWN");
    }
}
