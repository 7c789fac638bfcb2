package io.berth.platform.api;

import io.berth.platform.ReadinessCheck;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v2.0/health}: Harbor's component view of the same checks as {@code /health/ready}. Berth is one
 * process, so {@code core} is healthy whenever this answers; {@code database} and {@code registry} (the blob
 * store) come from {@link ReadinessCheck}. Always 200, with the verdict in the body, as Harbor answers.
 */
@Tag(name = "health")
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    static final String HEALTHY = "healthy";
    static final String UNHEALTHY = "unhealthy";

    @Inject
    @Readiness
    ReadinessCheck readiness;

    @Operation(operationId = "getHealth", summary = "Check the status of the components")
    @GET
    public OverallHealthStatus get() {
        Map<String, Object> data = readiness.call().getData().orElse(Map.of());
        List<OverallHealthStatus.Component> components = List.of(
                new OverallHealthStatus.Component("core", HEALTHY, null),
                component("database", data.get("database")),
                component("registry", data.get("storage")));
        boolean healthy = components.stream().allMatch(c -> HEALTHY.equals(c.status()));
        return new OverallHealthStatus(healthy ? HEALTHY : UNHEALTHY, components);
    }

    private static OverallHealthStatus.Component component(String name, Object state) {
        return "UP".equals(state)
                ? new OverallHealthStatus.Component(name, HEALTHY, null)
                : new OverallHealthStatus.Component(name, UNHEALTHY, name + " is not reachable");
    }
}
