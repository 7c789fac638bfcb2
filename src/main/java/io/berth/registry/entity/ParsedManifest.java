package io.berth.registry.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the registry needs to know about a pushed manifest, read once by {@link ManifestParser}: its type,
 * what it references, what it refers to, and its annotations. The manifest bytes themselves are stored and
 * served unchanged; this is only the validated reading of them.
 * <p>
 * Exactly one of the two shapes is filled: an image manifest has a {@code config} and {@code layers} (and
 * no {@code manifests}); an index has {@code manifests} (and no config or layers).
 *
 * @param mediaType    the effective manifest media type (one of the four {@link MediaTypes#isManifest} types)
 * @param artifactType the artifact type as the referrers API reports it: the {@code artifactType} field, or
 *                     for an image manifest without one whose config is not an image config, the config's
 *                     media type; null for plain container images and for indexes without the field
 * @param config       the config descriptor of an image manifest; null for an index
 * @param layers       the layers of an image manifest (may be empty for artifacts); empty for an index
 * @param manifests    the children of an index, with their platforms; empty for an image manifest
 * @param subject      the manifest this one refers to (signatures, SBOMs, attestations); null if none
 * @param annotations  the manifest's own annotations; empty if none
 */
public record ParsedManifest(String mediaType, String artifactType, Descriptor config, List<Descriptor> layers,
        List<Descriptor> manifests, Descriptor subject, Map<String, String> annotations) {

    public ParsedManifest {
        Objects.requireNonNull(mediaType, "mediaType");
        layers = layers == null ? List.of() : List.copyOf(layers);
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        annotations = annotations == null || annotations.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    }

    /** Whether this is an OCI image index or a Docker manifest list. */
    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }

    /**
     * The blobs that must already be in the repository before this manifest may be stored: the config and
     * the layers, in document order. Layers the registry never receives are left out: Docker foreign layers
     * and OCI non-distributable layers that carry {@code urls}, which clients download from those URLs
     * (distribution skips them the same way). The {@code subject} is never included: the specification
     * requires accepting a manifest whose subject does not exist yet.
     */
    public List<Descriptor> blobReferences() {
        List<Descriptor> blobs = new ArrayList<>(layers.size() + 1);
        if (config != null) {
            blobs.add(config);
        }
        for (Descriptor layer : layers) {
            if (!(MediaTypes.isExternalLayer(layer.mediaType()) && !layer.urls().isEmpty())) {
                blobs.add(layer);
            }
        }
        return List.copyOf(blobs);
    }

    /** The manifests that must already be in the repository before this index may be stored. */
    public List<Descriptor> manifestReferences() {
        return manifests;
    }
}
