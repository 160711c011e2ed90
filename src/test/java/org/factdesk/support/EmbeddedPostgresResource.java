package org.factdesk.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.factdesk.db.EmbeddedDatabase;

import java.util.Map;

/**
 * Gives the test suite a real PostgreSQL: the one named by QUARKUS_DATASOURCE_JDBC_URL if set,
 * else an embedded PostgreSQL 17 started for the run.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        if (EmbeddedDatabase.isExternalDatabaseConfigured()) {
            return Map.of();
        }
        database = EmbeddedDatabase.startTemporary();
        return database.datasourceProperties();
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
