package io.berth.registry.boundary.api;

import jakarta.json.JsonObject;
import java.util.List;

/** Harbor's {@code Reference}: a child of an image index, with the platform the index lists it under. */
public record ReferenceView(long parentId, long childId, String childDigest, JsonObject platform,
        JsonObject annotations, List<String> urls) {
}
