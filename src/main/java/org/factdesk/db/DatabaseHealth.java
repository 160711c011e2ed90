package org.factdesk.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.factdesk.common.HealthData;

import java.sql.SQLException;

/**
 * Readiness: the datasource's connections answer. In place of Agroal's own check
 * ({@code quarkus.datasource.health.enabled=false}), whose answer quotes the driver's message, and
 * with it the database's host and port, when the database is unreachable.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    /** Whether the database answers; throws what the driver throws when it does not. */
    @FunctionalInterface
    interface Probe {
        boolean healthy() throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        return check(() -> dataSource.isHealthy(false));
    }

    static HealthCheckResponse check(Probe probe) {
        var response = HealthCheckResponse.named("database");
        try {
            return response.status(probe.healthy()).build();
        } catch (SQLException e) {
            return response.down().withData("error", HealthData.error(e)).build();
        }
    }
}
