package io.berth.registry.boundary.api;

import io.berth.registry.entity.Label;
import java.time.Instant;

/** Harbor's {@code Label}: {@code scope} is {@code g} (global, {@code project_id} 0) or {@code p}. */
public record LabelView(long id, String name, String description, String color, String scope, long projectId,
        Instant creationTime, Instant updateTime) {

    static LabelView of(Label label) {
        return new LabelView(label.id(), label.name(), label.description() == null ? "" : label.description(),
                label.color() == null ? "" : label.color(), label.scope(),
                label.projectId() == null ? 0 : label.projectId(), label.creationTime(), label.updateTime());
    }
}
