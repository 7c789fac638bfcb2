package io.berth.registry.boundary.api;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Harbor's {@code Artifact}. Optional parts are null (and left out of the JSON) unless asked for with Harbor's
 * {@code with_*} flags: {@code tags} (with_tag, on by default), {@code labels} (with_label), {@code accessories}
 * (with_accessory). Scan and SBOM overviews do not exist in Berth yet and are never sent.
 */
public record ArtifactView(long id, String type, String mediaType, String manifestMediaType, String artifactType,
        long projectId, long repositoryId, String repositoryName, String digest, long size, String icon,
        Instant pushTime, Instant pullTime, JsonObject extraAttrs, JsonObject annotations, List<ReferenceView> references,
        List<TagView> tags, Map<String, Object> additionLinks, List<LabelView> labels, List<AccessoryView> accessories) {
}
