package io.berth.platform.api;

import java.util.List;

/** Harbor's {@code OverallHealthStatus}: {@code healthy} when every component is. */
public record OverallHealthStatus(String status, List<Component> components) {

    /** Harbor's {@code ComponentHealthStatus}; {@code error} only when unhealthy. */
    public record Component(String name, String status, String error) {
    }
}
