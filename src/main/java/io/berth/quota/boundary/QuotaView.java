package io.berth.quota.boundary;

import io.berth.quota.entity.Quota;
import java.time.Instant;
import java.util.Map;

/**
 * Harbor's {@code Quota}: {@code {"id","ref":{"id","name","owner_name"},"hard":{"storage":n},"used":{"storage":n},
 * "creation_time","update_time"}}, sizes in bytes and {@code hard} -1 for unlimited.
 */
public record QuotaView(long id, Ref ref, Map<String, Long> hard, Map<String, Long> used, Instant creationTime,
        Instant updateTime) {

    /** Harbor's {@code QuotaRefObject} for a project quota; {@code owner_name} is left out for a project without owner. */
    public record Ref(long id, String name, String ownerName) {
    }

    static QuotaView of(Quota quota, String projectName, String ownerName) {
        return new QuotaView(quota.id(), new Ref(quota.projectId(), projectName, ownerName),
                Map.of("storage", quota.hard().bytes()), Map.of("storage", quota.used()),
                quota.creationTime(), quota.updateTime());
    }
}
