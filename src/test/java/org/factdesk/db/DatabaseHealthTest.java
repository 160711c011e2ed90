package org.factdesk.db;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatabaseHealthTest {

    @Test
    void anUnreachableDatabaseIsDownWithoutItsAddress() {
        // The driver's own failure: "Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct…"
        HealthCheckResponse answer = DatabaseHealth.check(() -> {
            try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:1/factdesk?connectTimeout=2")) {
                return true;
            }
        });
        assertEquals(HealthCheckResponse.Status.DOWN, answer.getStatus());
        assertEquals(Map.of("error", "PSQLException, SQLState 08001"), answer.getData().orElseThrow());
    }

    @Test
    void aDatabaseThatAnswersIsUp() {
        assertEquals(HealthCheckResponse.Status.UP, DatabaseHealth.check(() -> true).getStatus());
        assertEquals(HealthCheckResponse.Status.DOWN, DatabaseHealth.check(() -> false).getStatus());
    }
}
