package io.berth.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaTypesTest {

    @Test
    void normalizeDropsParametersAndCase() {
        assertEquals(MediaTypes.OCI_MANIFEST, MediaTypes.normalize("application/vnd.oci.image.manifest.v1+json; charset=utf-8"));
        assertEquals(MediaTypes.DOCKER_MANIFEST, MediaTypes.normalize("  Application/VND.Docker.Distribution.Manifest.V2+JSON  "));
        assertNull(MediaTypes.normalize(null));
        assertNull(MediaTypes.normalize("   "));
        assertNull(MediaTypes.normalize("; charset=utf-8"));
    }

    @Test
    void manifestTypes() {
        for (String type : new String[] {MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST,
                MediaTypes.DOCKER_MANIFEST_LIST}) {
            assertTrue(MediaTypes.isManifest(type), type);
            assertTrue(MediaTypes.isManifest(type.toUpperCase() + ";q=1"), type);
        }
        assertFalse(MediaTypes.isManifest(MediaTypes.DOCKER_SCHEMA1_SIGNED_MANIFEST));
        assertFalse(MediaTypes.isManifest(MediaTypes.OCI_CONFIG));
        assertFalse(MediaTypes.isManifest("application/json"));
        assertFalse(MediaTypes.isManifest(null));
    }

    @Test
    void indexesAndImages() {
        assertTrue(MediaTypes.isIndex(MediaTypes.OCI_INDEX));
        assertTrue(MediaTypes.isIndex(MediaTypes.DOCKER_MANIFEST_LIST));
        assertFalse(MediaTypes.isIndex(MediaTypes.OCI_MANIFEST));
        assertTrue(MediaTypes.isImageManifest(MediaTypes.DOCKER_MANIFEST));
        assertFalse(MediaTypes.isImageManifest(MediaTypes.DOCKER_MANIFEST_LIST));
    }

    @Test
    void schema1IsRecognised() {
        assertTrue(MediaTypes.isSchema1(MediaTypes.DOCKER_SCHEMA1_MANIFEST));
        assertTrue(MediaTypes.isSchema1(MediaTypes.DOCKER_SCHEMA1_SIGNED_MANIFEST));
        assertFalse(MediaTypes.isSchema1(MediaTypes.DOCKER_MANIFEST));
    }

    @Test
    void configsAndExternalLayers() {
        assertTrue(MediaTypes.isImageConfig(MediaTypes.OCI_CONFIG));
        assertTrue(MediaTypes.isImageConfig(MediaTypes.DOCKER_CONFIG));
        assertFalse(MediaTypes.isImageConfig(MediaTypes.HELM_CHART_CONFIG));
        assertFalse(MediaTypes.isImageConfig(MediaTypes.OCI_EMPTY));
        assertTrue(MediaTypes.isExternalLayer(MediaTypes.DOCKER_FOREIGN_LAYER));
        assertTrue(MediaTypes.isExternalLayer(MediaTypes.OCI_LAYER_NONDISTRIBUTABLE_GZIP));
        assertFalse(MediaTypes.isExternalLayer(MediaTypes.OCI_LAYER_GZIP));
    }
}
