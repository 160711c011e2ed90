package org.factdesk.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.common.HealthData;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * This replica's view of all ticket changes, whichever replica made them: one connection LISTENs
 * to the channel {@link ChangeNotifier} notifies (JSON arrays of changes), and every change is
 * handed to the open streams.
 * The connection is checked every {@code factdesk.live.check-every} with a {@code SELECT 1} that
 * must answer within the socket timeout: a connection that died without a word (a half-open TCP
 * connection after a network failure) would otherwise just deliver nothing, for ever. When the
 * connection is lost it reconnects, then tells the streams to {@code resync}, since changes made
 * meanwhile were not heard. {@link LiveUpdatesHealth} reports its state. The same connection LISTENs to the
 * channel of every {@link ChannelListener}.
 */
@ApplicationScoped
public class ChangeFeed {

    /** A change, or a request to refetch everything shown ({@code change} null). */
    public record Item(TicketChange change) {
        boolean isResync() {
            return change == null;
        }
    }

    /** Whether changes are being heard: listening, and when the connection last proved alive. */
    public record State(boolean listening, Instant confirmedAt, String lastError) {
    }

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    FactdeskConfig config;

    @Inject
    ObjectMapper json;

    private Iterable<ChannelListener> channelListeners = List.of();

    @Inject
    void listenFor(Instance<ChannelListener> listeners) {
        channelListeners = listeners;
    }

    private final BroadcastProcessor<Item> items = BroadcastProcessor.create();
    private volatile boolean running;
    private volatile Connection connection;
    private volatile Instant confirmedAt;
    private volatile String lastError;
    private Thread listener;

    /** Changes from now on; slow readers lose items rather than hold up the others. */
    public Multi<Item> items() {
        return items.onOverflow().drop();
    }

    /** Healthy while listening on a connection that answered a check recently. */
    public State state() {
        Instant confirmed = confirmedAt;
        boolean recent = confirmed != null && confirmed.isAfter(Instant.now().minus(config.live().checkEvery().multipliedBy(3)));
        return new State(connection != null && recent, confirmed, lastError);
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
            try (Connection c = DriverManager.getConnection(url, connectionProperties());
                 Statement statement = c.createStatement()) {
                statement.execute("LISTEN " + ChangeNotifier.CHANNEL);
                for (ChannelListener listener : channelListeners) {
                    statement.execute("LISTEN " + listener.channel());
                }
                channelListeners.forEach(ChannelListener::missed); // whatever came before the LISTEN
                connection = c;
                confirmedAt = Instant.now();
                if (heardBefore) {
                    LOG.info("Listening to ticket changes again; open screens resync");
                    items.onNext(new Item(null));
                }
                heardBefore = true;
                backoffMillis = 500;
                PGConnection pg = c.unwrap(PGConnection.class);
                int waitMillis = (int) Math.min(1000, config.live().checkEvery().toMillis());
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(waitMillis);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            if (!notification.getName().equals(ChangeNotifier.CHANNEL)) {
                                heard(notification.getName());
                                continue;
                            }
                            for (TicketChange change : json.readValue(notification.getParameter(), TicketChange[].class)) {
                                items.onNext(new Item(change));
                            }
                        }
                    }
                    if (Instant.now().isAfter(confirmedAt.plus(config.live().checkEvery()))) {
                        statement.execute("SELECT 1"); // fails after the socket timeout if nobody answers
                        confirmedAt = Instant.now();
                    }
                }
            } catch (SQLException | IOException e) {
                if (running) {
                    lastError = HealthData.error(e); // reported by health: no address
                    LOG.warnf("Not listening to ticket changes (%s); retrying in %d ms", e.getMessage(), backoffMillis);
                    connection = null;
                    channelListeners.forEach(ChannelListener::missed);
                    sleep(backoffMillis);
                    backoffMillis = Math.min(backoffMillis * 2, 10_000);
                }
            } finally {
                connection = null;
            }
        }
    }

    private void heard(String channel) {
        for (ChannelListener listener : channelListeners) {
            if (listener.channel().equals(channel)) {
                listener.heard();
            }
        }
    }

    /** The datasource's credentials, and timeouts so that no read on the connection can hang for ever. */
    private Properties connectionProperties() {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        String seconds = Long.toString(Math.max(1, config.live().checkEvery().toSeconds()));
        properties.setProperty("socketTimeout", seconds);
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
