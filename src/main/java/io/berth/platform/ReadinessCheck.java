package io.berth.platform;

import io.berth.storage.spi.StorageDriver;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: a node is ready when it can reach the database and the store. A load balancer
 * takes a node out of rotation on DOWN instead of letting it answer every push with 500.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    static final int DB_TIMEOUT_SECONDS = 3;

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    DataSource dataSource;

    @Inject
    StorageDriver storage;

    @Override
    public HealthCheckResponse call() {
        boolean database = databaseReachable();
        boolean store = storage.isHealthy();
        return HealthCheckResponse.named("berth")
                .status(database && store)
                .withData("database", database ? "UP" : "DOWN")
                .withData("storage", store ? "UP" : "DOWN")
                .withData("storage_driver", storage.name())
                .build();
    }

    private boolean databaseReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(DB_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
