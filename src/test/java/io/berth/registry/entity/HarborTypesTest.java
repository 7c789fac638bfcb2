package io.berth.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HarborTypesTest {

    @Test
    void typesFollowHarborsProcessors() {
        assertEquals("IMAGE", HarborTypes.type(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_CONFIG, null));
        assertEquals("IMAGE", HarborTypes.type(MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_MANIFEST_LIST, null));
        assertEquals("CHART", HarborTypes.type(MediaTypes.OCI_MANIFEST, MediaTypes.HELM_CHART_CONFIG, null));
        assertEquals("WASM", HarborTypes.type(MediaTypes.OCI_MANIFEST, "application/vnd.example.wasm.config.v1+json", null));
        assertEquals("application/vnd.example.sbom", HarborTypes.type(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_EMPTY,
                "application/vnd.example.sbom"));
        assertEquals("UNKNOWN", HarborTypes.type(MediaTypes.OCI_MANIFEST, "text/plain", null));
    }

    @Test
    void accessoriesAreNamedAsInHarbor() {
        assertEquals("signature.cosign", HarborTypes.accessoryType(MediaTypes.COSIGN_SIGNATURE_ARTIFACT, null));
        assertEquals("signature.notation", HarborTypes.accessoryType(MediaTypes.NOTATION_SIGNATURE, null));
        assertEquals("subject.accessory", HarborTypes.accessoryType(null, "application/vnd.example.sbom"));
    }
}
