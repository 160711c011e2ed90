package org.factdesk.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL 17 started from the binaries that come with the build (Maven Central), for
 * local runs and tests when no database is configured.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Set when the operator points Factdesk at their own PostgreSQL. */
    public static final String JDBC_URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static boolean isExternalDatabaseConfigured() {
        String url = System.getenv(JDBC_URL_ENV);
        return (url != null && !url.isBlank()) || System.getProperty("quarkus.datasource.jdbc.url") != null;
    }

    /** Starts PostgreSQL keeping its data in {@code dataDir} across runs (port 0 = any free port). */
    public static EmbeddedDatabase startPersistent(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            // The library's defaults favour throw-away test databases (no synchronous commit);
            // data kept across runs gets PostgreSQL's durable defaults back.
            return start(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + dataDir, e);
        }
    }

    /** Starts a throw-away PostgreSQL on a free port. */
    public static EmbeddedDatabase startTemporary() {
        return start(EmbeddedPostgres.builder());
    }

    private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder) {
        try {
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    /** The Quarkus properties that point the datasource at this database. */
    public Map<String, String> datasourceProperties() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port() + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
