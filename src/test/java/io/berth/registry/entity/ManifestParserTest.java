package io.berth.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestParserTest {

    /** The example of Docker's "Image Manifest Version 2, Schema 2" document. */
    static final String DOCKER_MANIFEST = """
            {
                "schemaVersion": 2,
                "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                "config": {
                    "mediaType": "application/vnd.docker.container.image.v1+json",
                    "size": 7023,
                    "digest": "sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7"
                },
                "layers": [
                    {
                        "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                        "size": 32654,
                        "digest": "sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f"
                    },
                    {
                        "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                        "size": 16724,
                        "digest": "sha256:3c3a4604a545cdc127456d94e421cd355bca5b528f4a9c1905b15da2eb4a4c6b"
                    },
                    {
                        "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                        "size": 73109,
                        "digest": "sha256:ec4b8955958665577945c89419d1af06b5f7636b4ac3da7f12184802ad867736"
                    }
                ]
            }""";

    /** The example of the image-spec's manifest.md (with its annotations). */
    static final String OCI_MANIFEST = """
            {
              "schemaVersion": 2,
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "config": {
                "mediaType": "application/vnd.oci.image.config.v1+json",
                "digest": "sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7",
                "size": 7023
              },
              "layers": [
                {
                  "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                  "digest": "sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0",
                  "size": 32654
                },
                {
                  "mediaType": "application/vnd.oci.image.layer.v1.tar+zstd",
                  "digest": "sha256:3c3a4604a545cdc127456d94e421cd355bca5b528f4a9c1905b15da2eb4a4c6b",
                  "size": 16724
                }
              ],
              "annotations": {
                "com.example.key1": "value1",
                "com.example.key2": "value2"
              }
            }""";

    /** The image-spec's image-index.md example, plus a Windows entry and an arm64 variant. */
    static final String OCI_INDEX = """
            {
              "schemaVersion": 2,
              "mediaType": "application/vnd.oci.image.index.v1+json",
              "manifests": [
                {
                  "mediaType": "application/vnd.oci.image.manifest.v1+json",
                  "size": 7143,
                  "digest": "sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f",
                  "platform": { "architecture": "ppc64le", "os": "linux" }
                },
                {
                  "mediaType": "application/vnd.oci.image.manifest.v1+json",
                  "size": 7682,
                  "digest": "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270",
                  "platform": { "architecture": "arm64", "os": "linux", "variant": "v8" }
                },
                {
                  "mediaType": "application/vnd.oci.image.manifest.v1+json",
                  "size": 1011,
                  "digest": "sha256:3c3a4604a545cdc127456d94e421cd355bca5b528f4a9c1905b15da2eb4a4c6b",
                  "platform": {
                    "architecture": "amd64",
                    "os": "windows",
                    "os.version": "10.0.17763.1040",
                    "os.features": ["win32k"]
                  }
                }
              ],
              "annotations": {
                "com.example.key1": "value1",
                "com.example.key2": "value2"
              }
            }""";

    /** The example of Docker's manifest list (schema 2). */
    static final String DOCKER_MANIFEST_LIST = """
            {
              "schemaVersion": 2,
              "mediaType": "application/vnd.docker.distribution.manifest.list.v2+json",
              "manifests": [
                {
                  "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                  "digest": "sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f",
                  "size": 7143,
                  "platform": { "architecture": "ppc64le", "os": "linux" }
                },
                {
                  "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                  "digest": "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270",
                  "size": 7682,
                  "platform": { "architecture": "amd64", "os": "linux", "features": ["sse4"] }
                }
              ]
            }""";

    /** An OCI 1.1 artifact (as ORAS pushes it): artifactType, the empty config, a subject. */
    static final String ARTIFACT = """
            {
              "schemaVersion": 2,
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "artifactType": "application/vnd.example.sbom.v1",
              "config": {
                "mediaType": "application/vnd.oci.empty.v1+json",
                "digest": "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
                "size": 2,
                "data": "e30="
              },
              "layers": [
                {
                  "mediaType": "application/spdx+json",
                  "digest": "sha256:b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c",
                  "size": 4,
                  "annotations": { "org.opencontainers.image.title": "sbom.spdx.json" }
                }
              ],
              "subject": {
                "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "digest": "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270",
                "size": 7682
              },
              "annotations": { "org.opencontainers.image.created": "2025-01-23T10:57:27Z" }
            }""";

    private static ParsedManifest parse(String contentType, String body) {
        return ManifestParser.parse(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static RegistryException rejected(String contentType, String body) {
        return assertThrows(RegistryException.class, () -> parse(contentType, body));
    }

    private static void assertInvalid(String contentType, String body, String detailPart) {
        RegistryException e = rejected(contentType, body);
        assertEquals(OciErrorCode.MANIFEST_INVALID, e.code(), e.getMessage());
        assertEquals(400, e.status());
        assertTrue(e.detail().contains(detailPart), "detail \"" + e.detail() + "\" lacks \"" + detailPart + "\"");
    }

    @Test
    void dockerSchema2Image() {
        ParsedManifest m = parse(MediaTypes.DOCKER_MANIFEST, DOCKER_MANIFEST);
        assertEquals(MediaTypes.DOCKER_MANIFEST, m.mediaType());
        assertFalse(m.isIndex());
        assertNull(m.artifactType(), "a plain container image has no artifact type");
        assertEquals(MediaTypes.DOCKER_CONFIG, m.config().mediaType());
        assertEquals(7023, m.config().size());
        assertEquals(3, m.layers().size());
        assertEquals("sha256:ec4b8955958665577945c89419d1af06b5f7636b4ac3da7f12184802ad867736",
                m.layers().get(2).digest().toString());
        assertEquals(4, m.blobReferences().size(), "config and three layers must exist before the PUT");
        assertEquals(m.config(), m.blobReferences().get(0));
        assertEquals(List.of(), m.manifestReferences());
        assertNull(m.subject());
    }

    @Test
    void ociImage() {
        ParsedManifest m = parse(MediaTypes.OCI_MANIFEST, OCI_MANIFEST);
        assertEquals(MediaTypes.OCI_MANIFEST, m.mediaType());
        assertNull(m.artifactType());
        assertEquals(List.of(MediaTypes.OCI_LAYER_GZIP, MediaTypes.OCI_LAYER_ZSTD),
                m.layers().stream().map(Descriptor::mediaType).toList());
        assertEquals(List.of("com.example.key1", "com.example.key2"), List.copyOf(m.annotations().keySet()));
        assertEquals(3, m.blobReferences().size());
    }

    @Test
    void ociIndexWithPlatforms() {
        ParsedManifest m = parse(MediaTypes.OCI_INDEX, OCI_INDEX);
        assertTrue(m.isIndex());
        assertNull(m.config());
        assertEquals(List.of(), m.layers());
        assertEquals(List.of(), m.blobReferences(), "an index references manifests, not blobs");
        assertEquals(3, m.manifestReferences().size());
        assertEquals(new Platform("ppc64le", "linux", null, null, List.of()), m.manifests().get(0).platform());
        assertEquals("linux/arm64/v8", m.manifests().get(1).platform().toString());
        Platform windows = m.manifests().get(2).platform();
        assertEquals("10.0.17763.1040", windows.osVersion());
        assertEquals(List.of("win32k"), windows.osFeatures());
        assertNull(m.artifactType());
        assertEquals("value2", m.annotations().get("com.example.key2"));
    }

    @Test
    void dockerManifestList() {
        ParsedManifest m = parse(MediaTypes.DOCKER_MANIFEST_LIST, DOCKER_MANIFEST_LIST);
        assertEquals(MediaTypes.DOCKER_MANIFEST_LIST, m.mediaType());
        assertTrue(m.isIndex());
        assertEquals(2, m.manifestReferences().size());
        assertEquals(MediaTypes.DOCKER_MANIFEST, m.manifests().get(1).mediaType());
        assertEquals("amd64", m.manifests().get(1).platform().architecture());
    }

    @Test
    void artifactWithSubjectAndEmptyConfig() {
        ParsedManifest m = parse(MediaTypes.OCI_MANIFEST, ARTIFACT);
        assertEquals("application/vnd.example.sbom.v1", m.artifactType());
        assertEquals(MediaTypes.OCI_EMPTY, m.config().mediaType());
        assertEquals(MediaTypes.OCI_EMPTY_DIGEST, m.config().digest().toString());
        assertEquals("sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270",
                m.subject().digest().toString());
        assertFalse(m.blobReferences().contains(m.subject()), "a missing subject must not block the push");
        assertEquals(2, m.blobReferences().size());
        assertEquals("sbom.spdx.json", m.layers().get(0).annotations().get("org.opencontainers.image.title"));
    }

    @Test
    void artifactTypeFallsBackToANonImageConfigType() {
        // A Helm chart (pushed by helm 3): no artifactType, config type identifies it, as referrers require.
        String helm = """
                {"schemaVersion":2,"config":{"mediaType":"application/vnd.cncf.helm.config.v1+json",
                "digest":"sha256:8ec7c0f2f6860037c19b54c3cfbab48d9b4b21b485a93d87b64690fdb68c2111","size":117},
                "layers":[{"mediaType":"application/vnd.cncf.helm.chart.content.v1.tar+gzip",
                "digest":"sha256:1b251d38cfe948dfc0a5745b7af5ca574ecb61e52aed10b19039db39af6e1617","size":3745}]}""";
        ParsedManifest m = parse(MediaTypes.OCI_MANIFEST, helm);
        assertEquals(MediaTypes.HELM_CHART_CONFIG, m.artifactType());
    }

    @Test
    void artifactWithoutLayersIsAccepted() {
        String body = ARTIFACT.replaceFirst("(?s)\"layers\": \\[.*?\\n  \\],", "\"layers\": [],");
        ParsedManifest m = parse(MediaTypes.OCI_MANIFEST, body);
        assertEquals(List.of(), m.layers());
        assertEquals(1, m.blobReferences().size());
    }

    @Test
    void contentTypeParametersAndCaseAreIgnored() {
        assertEquals(MediaTypes.OCI_MANIFEST,
                parse("Application/VND.oci.image.manifest.v1+json; charset=utf-8", OCI_MANIFEST).mediaType());
    }

    @Test
    void bodyMediaTypeDecidesWhenContentTypeIsNotAManifestType() {
        assertEquals(MediaTypes.OCI_INDEX, parse(null, OCI_INDEX).mediaType());
        assertEquals(MediaTypes.DOCKER_MANIFEST, parse("application/json", DOCKER_MANIFEST).mediaType());
        assertEquals(MediaTypes.OCI_MANIFEST, parse("application/octet-stream", OCI_MANIFEST).mediaType());
    }

    @Test
    void contentTypeDecidesWhenTheBodyHasNoMediaType() {
        String body = OCI_MANIFEST.replace("\"mediaType\": \"application/vnd.oci.image.manifest.v1+json\",", "");
        assertEquals(MediaTypes.OCI_MANIFEST, parse(MediaTypes.OCI_MANIFEST, body).mediaType());
    }

    @Test
    void mismatchedContentTypeAndMediaType() {
        assertInvalid(MediaTypes.OCI_MANIFEST, DOCKER_MANIFEST, "does not match");
        assertInvalid(MediaTypes.OCI_INDEX, OCI_MANIFEST, "does not match");
        assertInvalid(MediaTypes.DOCKER_MANIFEST, OCI_MANIFEST, "does not match");
    }

    @Test
    void neitherContentTypeNorMediaType() {
        String body = OCI_MANIFEST.replace("\"mediaType\": \"application/vnd.oci.image.manifest.v1+json\",", "");
        assertInvalid(null, body, "no Content-Type");
        assertInvalid("application/json", body, "not a manifest type");
    }

    @Test
    void unknownBodyMediaType() {
        assertInvalid(null, OCI_MANIFEST.replace("vnd.oci.image.manifest.v1+json\",\n  \"config",
                "vnd.example.thing+json\",\n  \"config"), "unsupported manifest mediaType");
    }

    @Test
    void dockerManifestMustDeclareItsMediaType() {
        String body = DOCKER_MANIFEST.replace(
                "\"mediaType\": \"application/vnd.docker.distribution.manifest.v2+json\",", "");
        assertInvalid(MediaTypes.DOCKER_MANIFEST, body, "must declare its mediaType");
    }

    @Test
    void schema1IsRefused() {
        String schema1 = """
                {"schemaVersion":1,"name":"library/hello","tag":"latest","architecture":"amd64",
                 "fsLayers":[{"blobSum":"sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4"}],
                 "history":[{"v1Compatibility":"{}"}]}""";
        assertInvalid(MediaTypes.DOCKER_SCHEMA1_SIGNED_MANIFEST, schema1, "schema 1");
        assertInvalid(MediaTypes.DOCKER_SCHEMA1_MANIFEST, schema1, "schema 1");
        assertInvalid(null, schema1, "schema 1");
        assertInvalid(null, schema1.replace("\"schemaVersion\":1,",
                "\"schemaVersion\":1,\"mediaType\":\"application/vnd.docker.distribution.manifest.v1+prettyjws\","), "schema 1");
    }

    @Test
    void schemaVersionMustBe2() {
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST.replace("\"schemaVersion\": 2", "\"schemaVersion\": 3"),
                "unsupported schemaVersion 3");
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST.replace("\"schemaVersion\": 2", "\"schemaVersion\": \"2\""),
                "schemaVersion");
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST.replace("\"schemaVersion\": 2,", ""),
                "schemaVersion is missing");
    }

    @Test
    void invalidJson() {
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST.substring(0, 100), "not valid JSON");
        assertInvalid(MediaTypes.OCI_MANIFEST, "not json", "not valid JSON");
        assertInvalid(MediaTypes.OCI_MANIFEST, "[" + OCI_MANIFEST + "]", "JSON object");
        assertInvalid(MediaTypes.OCI_MANIFEST, "", "empty");
        assertInvalid(MediaTypes.OCI_MANIFEST, "[".repeat(100_000), "not valid JSON");
    }

    @Test
    void trailingContentIsRefused() {
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST + "{}", "not valid JSON");
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST + " x", "not valid JSON");
        assertEquals(MediaTypes.OCI_MANIFEST, parse(MediaTypes.OCI_MANIFEST, OCI_MANIFEST + "\n  ").mediaType());
    }

    @Test
    void duplicateKeysAreRefused() {
        // Parsers disagree on which duplicate wins; the registry must not validate one reading and serve another.
        String twoLayerLists = OCI_MANIFEST.replace("\"layers\": [", "\"layers\": [], \"layers\": [");
        assertInvalid(MediaTypes.OCI_MANIFEST, twoLayerLists, "Duplicate key");
    }

    @Test
    void notUtf8IsRefused() {
        byte[] utf16 = OCI_MANIFEST.getBytes(StandardCharsets.UTF_16);
        RegistryException e = assertThrows(RegistryException.class, () -> ManifestParser.parse(MediaTypes.OCI_MANIFEST, utf16));
        assertEquals(OciErrorCode.MANIFEST_INVALID, e.code());
    }

    @Test
    void missingConfig() {
        String body = """
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}""";
        assertInvalid(MediaTypes.OCI_MANIFEST, body, "config is missing");
    }

    @Test
    void missingLayers() {
        String body = """
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
                 "config":{"mediaType":"application/vnd.oci.empty.v1+json",
                 "digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2}}""";
        assertInvalid(MediaTypes.OCI_MANIFEST, body, "layers is missing");
        assertInvalid(MediaTypes.OCI_MANIFEST, body.replace("\"size\":2}", "\"size\":2},\"layers\":{}"),
                "layers must be an array");
    }

    @Test
    void indexNeedsManifests() {
        assertInvalid(MediaTypes.OCI_INDEX, """
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json"}""", "manifests is missing");
    }

    @Test
    void ambiguousDocumentsAreRefused() {
        // CVE-2021-41190: a document that is both a manifest and an index.
        String manifestWithManifests = OCI_MANIFEST.replace("\"layers\": [", "\"manifests\": [], \"layers\": [");
        assertInvalid(MediaTypes.OCI_MANIFEST, manifestWithManifests, "must not have manifests");
        String indexWithLayers = OCI_INDEX.replace("\"manifests\": [", "\"layers\": [], \"manifests\": [");
        assertInvalid(MediaTypes.OCI_INDEX, indexWithLayers, "must not have config or layers");
    }

    @Test
    void badDescriptorDigestIsDigestInvalid() {
        String body = OCI_MANIFEST.replace("sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0",
                "sha256:9834876DCFB05CB167A5C24953EBA58C4AC89B1ADF57F28F2F9D09AF107EE8F0");
        RegistryException e = rejected(MediaTypes.OCI_MANIFEST, body);
        assertEquals(OciErrorCode.DIGEST_INVALID, e.code());
        assertTrue(e.detail().startsWith("layers[0].digest"), e.detail());

        String md5 = OCI_MANIFEST.replace("sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7",
                "md5:d41d8cd98f00b204e9800998ecf8427e");
        assertTrue(rejected(MediaTypes.OCI_MANIFEST, md5).detail().startsWith("config.digest"));
    }

    @Test
    void descriptorFieldsAreChecked() {
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST.replace("\"size\": 32654", "\"size\": -1"),
                "layers[0].size must not be negative");
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST.replace("\"size\": 32654", "\"size\": 1.5"),
                "layers[0].size must be a whole number");
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST.replace("\"size\": 32654", "\"size\": \"32654\""),
                "layers[0].size");
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST.replace("\"size\": 32654", "\"size\": 99999999999999999999"),
                "layers[0].size");
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST.replaceFirst(",\\s*\"size\": 32654", ""),
                "layers[0].size is missing");
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST.replace(
                "\"digest\": \"sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0\",", ""),
                "layers[0].digest is missing");
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST.replace(
                "\"mediaType\": \"application/vnd.oci.image.layer.v1.tar+gzip\",", ""), "layers[0].mediaType is missing");
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST.replace(
                "application/vnd.oci.image.layer.v1.tar+gzip", "not a media type"), "not a media type");
        assertInvalid(MediaTypes.OCI_MANIFEST, OCI_MANIFEST.replace("\"value2\"", "2"), "must be a string");
    }

    @Test
    void foreignLayersWithUrlsNeedNotBePushed() {
        String windows = """
                {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
                 "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":1859,
                  "digest":"sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7"},
                 "layers":[
                  {"mediaType":"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip","size":1718332879,
                   "digest":"sha256:3889bb8d808bbae6fa5a33e07093e65c31371bcf9e4c38c21be6b9af52ad1548",
                   "urls":["https://mcr.microsoft.com/v2/windows/servercore/blobs/sha256:3889bb8d808bbae6fa5a33e07093e65c31371bcf9e4c38c21be6b9af52ad1548"]},
                  {"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":1234,
                   "digest":"sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f"}]}""";
        ParsedManifest m = parse(null, windows);
        assertEquals(2, m.layers().size());
        assertEquals(1, m.layers().get(0).urls().size());
        assertEquals(List.of(m.config(), m.layers().get(1)), m.blobReferences());
    }

    @Test
    void urlsDoNotExemptOrdinaryLayers() {
        String body = OCI_MANIFEST.replace("\"size\": 32654", "\"size\": 32654, \"urls\": [\"https://example.com/x\"]");
        assertEquals(3, parse(MediaTypes.OCI_MANIFEST, body).blobReferences().size());
    }

    @Test
    void emptyArtifactTypeCountsAsMissing() {
        String body = ARTIFACT.replace("\"application/vnd.example.sbom.v1\"", "\"\"");
        assertEquals(MediaTypes.OCI_EMPTY, parse(MediaTypes.OCI_MANIFEST, body).artifactType());
    }

    @Test
    void indexArtifactTypeIsKept() {
        String body = OCI_INDEX.replace("\"schemaVersion\": 2,", "\"schemaVersion\": 2, \"artifactType\": \"application/vnd.example.bundle\",");
        assertEquals("application/vnd.example.bundle", parse(MediaTypes.OCI_INDEX, body).artifactType());
    }

    @Test
    void platformNeedsArchitectureAndOs() {
        assertInvalid(MediaTypes.OCI_INDEX, OCI_INDEX.replace("\"architecture\": \"ppc64le\", ", ""),
                "manifests[0].platform needs architecture and os");
    }

    @Test
    void descriptorRendersForTheReferrersApi() {
        ParsedManifest m = parse(MediaTypes.OCI_MANIFEST, ARTIFACT);
        JsonObject json = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256(ARTIFACT.getBytes(StandardCharsets.UTF_8)),
                        ARTIFACT.length())
                .withArtifactType(m.artifactType())
                .withAnnotations(m.annotations())
                .toJson();
        assertEquals("application/vnd.example.sbom.v1", json.getString("artifactType"));
        assertEquals("2025-01-23T10:57:27Z",
                json.getJsonObject("annotations").getString("org.opencontainers.image.created"));
        assertFalse(json.containsKey("platform"));
        assertFalse(json.containsKey("urls"));

        JsonObject child = parse(MediaTypes.OCI_INDEX, OCI_INDEX).manifests().get(2).toJson();
        assertEquals("10.0.17763.1040", child.getJsonObject("platform").getString("os.version"));
        assertEquals(Map.of(), Descriptor.of("a/b", Digest.sha256(new byte[0]), 0).annotations());
    }
}
