package org.factdesk.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.factdesk.db.EmbeddedDatabase;

import java.util.Map;

/**
 * Gives the test suite a real PostgreSQL: the one named by QUARKUS_DATASOURCE_JDBC_URL if set,
 * else an embedded PostgreSQL 17 started once for the test JVM and stopped when it exits.
 * <p>
 * Not stopped by {@link #stop()}: between integration-test classes with class-restricted
 * resources Quarkus stops the global resources and then launches the next application with the
 * settings they gave before, without starting them again; a database that outlives the
 * resource keeps those settings true.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        if (EmbeddedDatabase.isExternalDatabaseConfigured()) {
            return Map.of();
        }
        return shared().datasourceProperties();
    }

    /** The embedded PostgreSQL of this test JVM, started on first use. */
    static synchronized EmbeddedDatabase shared() {
        if (database == null) {
            database = EmbeddedDatabase.startTemporary();
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        }
        return database;
    }

    @Override
    public void stop() {
        // The database lives as long as the test JVM; see the class comment.
    }
}
