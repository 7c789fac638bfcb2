package io.berth.registry.boundary.api;

import io.berth.registry.entity.ArtifactTag;
import java.time.Instant;

/** Harbor's {@code Tag}. Berth has no immutable-tag rules yet, so {@code immutable} is always false. */
public record TagView(long id, long repositoryId, long artifactId, String name, Instant pushTime, Instant pullTime,
        boolean immutable) {

    /** @param pullTime the last pull by this tag, one this node has not flushed yet included; null if none */
    static TagView of(ArtifactTag tag, Instant pullTime) {
        return new TagView(tag.id(), tag.repositoryId(), tag.artifactId(), tag.name(), tag.pushTime(), pullTime, false);
    }
}
