package io.berth.registry.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Objects;

/**
 * The platform an index entry runs on, as in the {@code platform} object of an OCI image index or Docker
 * manifest list: what {@code docker pull} matches against the host to pick a manifest.
 * <p>
 * The JSON names of the last two components are {@code os.version} and {@code os.features}. The image-spec
 * also reserves {@code features}; it is not kept.
 *
 * @param architecture CPU architecture in Go's {@code GOARCH} terms, e.g. {@code amd64}, {@code arm64}
 * @param os           operating system in {@code GOOS} terms, e.g. {@code linux}, {@code windows}
 * @param variant      CPU variant, e.g. {@code v8} for arm64; null if absent
 * @param osVersion    OS version, used by Windows images (e.g. {@code 10.0.17763.1040}); null if absent
 * @param osFeatures   required OS features (e.g. {@code win32k}); empty if absent
 */
public record Platform(String architecture, String os, String variant, String osVersion, List<String> osFeatures) {

    public Platform {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(os, "os");
        osFeatures = osFeatures == null ? List.of() : List.copyOf(osFeatures);
    }

    /** The platform as it appears in an index: the optional fields only when present. */
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("architecture", architecture).add("os", os);
        if (osVersion != null) {
            json.add("os.version", osVersion);
        }
        if (!osFeatures.isEmpty()) {
            json.add("os.features", Json.createArrayBuilder(osFeatures));
        }
        if (variant != null) {
            json.add("variant", variant);
        }
        return json.build();
    }

    /** {@code os/architecture[/variant]}, the notation of {@code docker --platform}. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
