package org.factdesk.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.factdesk.db.EmbeddedDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A database of its own, created empty on the suite's PostgreSQL, for a test profile whose test must
 * not see (or be seen by) the other tests' rows: {@code new TestResourceEntry(SeparateDatabaseResource.class,
 * Map.of("database", "factdesk_fuzz"))}. Dropped and created again at each start; Flyway migrates it.
 * <p>
 * Ordered after {@link EmbeddedPostgresResource} (a profile's resources are started with the global
 * ones, lower order first, and a later one's properties win), so its datasource URL is the one used.
 * With an external PostgreSQL (QUARKUS_DATASOURCE_JDBC_URL) the database is created on that server.
 */
public class SeparateDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "factdesk_separate");
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Map<String, String> start() {
        String url;
        String user;
        String password;
        if (EmbeddedDatabase.isExternalDatabaseConfigured()) {
            url = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
            user = setting("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME");
            password = setting("quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD");
        } else {
            Map<String, String> shared = EmbeddedPostgresResource.shared().datasourceProperties();
            url = shared.get("quarkus.datasource.jdbc.url");
            user = shared.get("quarkus.datasource.username");
            password = shared.get("quarkus.datasource.password");
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + database + " next to " + url, e);
        }
        String own = url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
        return Map.of("quarkus.datasource.jdbc.url", own,
                "quarkus.datasource.username", user == null ? "" : user,
                "quarkus.datasource.password", password == null ? "" : password);
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(env);
    }

    @Override
    public void stop() {
        // Left in place for a look after the run; the next start drops it.
    }
}
