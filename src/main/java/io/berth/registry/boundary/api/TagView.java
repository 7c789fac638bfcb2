package io.berth.registry.boundary.api;

import io.berth.registry.entity.ArtifactTag;
import java.time.Instant;

/** Harbor's {@code Tag}. Berth has no immutable-tag rules yet, so {@code immutable} is always false. */
public record TagView(long id, long repositoryId, long artifactId, String name, Instant pushTime, Instant pullTime,
        boolean immutable) {

    static TagView of(ArtifactTag tag) {
        return new TagView(tag.id(), tag.repositoryId(), tag.artifactId(), tag.name(), tag.pushTime(), tag.pullTime(), false);
    }
}
