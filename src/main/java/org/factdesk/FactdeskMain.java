package org.factdesk;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.db.EmbeddedDatabase;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point. When no PostgreSQL is configured it first starts the embedded one, keeping its
 * data in a local folder, so that a fresh checkout runs with nothing but a JDK.
 */
@QuarkusMain
public class FactdeskMain {

    private static final Logger LOG = Logger.getLogger(FactdeskMain.class);

    public static void main(String... args) {
        if (EmbeddedDatabase.isExternalDatabaseConfigured()) {
            Quarkus.run(args);
            return;
        }
        FactdeskConfig.EmbeddedDb settings = beforeStart().embeddedDb();
        Path dataDir = Path.of(settings.dataDir());
        int port = settings.port();
        LOG.infof("No database configured (%s): starting the embedded PostgreSQL in %s on port %d",
                EmbeddedDatabase.JDBC_URL_ENV, dataDir.toAbsolutePath(), port);
        EmbeddedDatabase database = EmbeddedDatabase.startPersistent(dataDir, port);
        database.datasourceProperties().forEach(System::setProperty);
        Quarkus.run(Server.class, (exitCode, failure) -> {
            database.close();
            System.exit(exitCode);
        }, args);
    }

    /**
     * The settings before Quarkus starts, from the same sources (system properties, environment,
     * application.properties): Quarkus registers the mapping only when it starts.
     */
    private static FactdeskConfig beforeStart() {
        List<ConfigSource> sources = new ArrayList<>();
        ConfigProvider.getConfig().getConfigSources().forEach(sources::add);
        return new SmallRyeConfigBuilder()
                .withSources(sources)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(FactdeskConfig.class)
                .withValidateUnknown(false)
                .build()
                .getConfigMapping(FactdeskConfig.class);
    }

    /** Serves until the process is asked to stop (Ctrl-C, SIGTERM). */
    public static class Server implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
