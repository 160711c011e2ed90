package org.factdesk.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * This replica's view of all ticket changes, whichever replica made them: one connection LISTENs
 * to the channel {@link ChangeNotifier} notifies (JSON arrays of changes), and every change is
 * handed to the open streams.
 * When the connection is lost (PostgreSQL restarted) it reconnects, then tells the streams to
 * {@code resync}, since changes made meanwhile were not heard.
 */
@ApplicationScoped
public class ChangeFeed {

    /** A change, or a request to refetch everything shown ({@code change} null). */
    public record Item(TicketChange change) {
        boolean isResync() {
            return change == null;
        }
    }

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    ObjectMapper json;

    private final BroadcastProcessor<Item> items = BroadcastProcessor.create();
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    /** Changes from now on; slow readers lose items rather than hold up the others. */
    public Multi<Item> items() {
        return items.onOverflow().drop();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "ticket-change-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        listener.join(2000);
    }

    private void listen() {
        long backoffMillis = 500;
        boolean heardBefore = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user.orElse(null), password.orElse(null));
                 Statement statement = c.createStatement()) {
                connection = c;
                statement.execute("LISTEN " + ChangeNotifier.CHANNEL);
                if (heardBefore) {
                    LOG.info("Listening to ticket changes again; open screens resync");
                    items.onNext(new Item(null));
                }
                heardBefore = true;
                backoffMillis = 500;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            for (TicketChange change : json.readValue(notification.getParameter(), TicketChange[].class)) {
                                items.onNext(new Item(change));
                            }
                        }
                    }
                }
            } catch (SQLException | IOException e) {
                if (running) {
                    LOG.warnf("Not listening to ticket changes (%s); retrying in %d ms", e.getMessage(), backoffMillis);
                    sleep(backoffMillis);
                    backoffMillis = Math.min(backoffMillis * 2, 10_000);
                }
            } finally {
                connection = null;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
