package io.berth.registry.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An OCI content descriptor: a typed, sized, content-addressed pointer from one manifest to a blob or to
 * another manifest (image-spec {@code descriptor.md}).
 * <p>
 * Descriptors are what a registry checks on a manifest push (every referenced blob must exist and the
 * digest names it) and what it returns from the referrers API (an index of descriptors with
 * {@code artifactType} and {@code annotations}). The reserved {@code data} field (embedded content) is not
 * kept: the registry always stores and serves the blob itself.
 *
 * @param mediaType    media type of the referenced content
 * @param digest       digest of the referenced content
 * @param size         size in bytes of the referenced content
 * @param artifactType artifact type of the referenced manifest; null if absent
 * @param annotations  annotations in document order; empty if absent
 * @param platform     platform of an index entry; null if absent
 * @param urls         alternative download locations (foreign and non-distributable layers); empty if absent
 */
public record Descriptor(String mediaType, Digest digest, long size, String artifactType,
        Map<String, String> annotations, Platform platform, List<String> urls) {

    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("negative descriptor size " + size);
        }
        // Annotation order is kept so a referrers response shows them as pushed.
        annotations = annotations == null || annotations.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        urls = urls == null ? List.of() : List.copyOf(urls);
    }

    /** A descriptor with only the three required fields. */
    public static Descriptor of(String mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, null, Map.of(), null, List.of());
    }

    /** A copy with another artifact type, e.g. the effective one of a referrer. */
    public Descriptor withArtifactType(String newArtifactType) {
        return new Descriptor(mediaType, digest, size, newArtifactType, annotations, platform, urls);
    }

    /** A copy with other annotations, e.g. those of the referenced manifest for a referrers entry. */
    public Descriptor withAnnotations(Map<String, String> newAnnotations) {
        return new Descriptor(mediaType, digest, size, artifactType, newAnnotations, platform, urls);
    }

    /** The descriptor as JSON, the optional fields only when present (as the referrers API needs). */
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("mediaType", mediaType)
                .add("digest", digest.toString())
                .add("size", size);
        if (artifactType != null) {
            json.add("artifactType", artifactType);
        }
        if (!urls.isEmpty()) {
            json.add("urls", Json.createArrayBuilder(urls));
        }
        if (!annotations.isEmpty()) {
            JsonObjectBuilder map = Json.createObjectBuilder();
            annotations.forEach(map::add);
            json.add("annotations", map);
        }
        if (platform != null) {
            json.add("platform", platform.toJson());
        }
        return json.build();
    }
}
