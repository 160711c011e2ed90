package org.factdesk.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.factdesk.audit.TicketAudited;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Announces every committed ticket change to all server replicas with PostgreSQL's NOTIFY.
 *
 * <p>Changes are queued once their transaction has committed (never when it rolls back) and sent
 * in batches from one thread, outside the desk's write transactions: a NOTIFY inside a write
 * transaction takes a database-wide lock until that transaction's commit is on disk, which would
 * make every change on the desk commit one after the other. Announcements are a hint for open
 * screens, not a record: if this replica stops between a commit and its announcement, screens learn
 * of the change at their next refetch; the audit trail is the record.
 */
@ApplicationScoped
public class ChangeNotifier {

    static final String CHANNEL = "factdesk_tickets";
    /** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7_000;
    private static final int MAX_QUEUED = 50_000;
    private static final Logger LOG = Logger.getLogger(ChangeNotifier.class);

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    private final BlockingQueue<TicketChange> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private volatile boolean running;
    private Thread sender;

    void onTicketAudited(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketAudited audited) {
        TicketChange change = new TicketChange(audited.event().ticketId, audited.event().action, audited.status(),
                audited.event().actor, audited.event().occurredAt);
        if (!queue.offer(change)) {
            LOG.warnf("Ticket change of ticket %d not announced: %d announcements are waiting", change.ticketId(),
                    MAX_QUEUED);
        }
    }

    void start(@Observes StartupEvent event) {
        running = true;
        sender = new Thread(this::send, "ticket-change-notifier");
        sender.setDaemon(true);
        sender.start();
    }

    /** Sends what is still queued, then stops. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        sender.join(5_000);
    }

    private void send() {
        List<TicketChange> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                TicketChange first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch); // everything that queued up while the last batch was sent
                announce(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("%d ticket changes not announced (%s); open screens see them at their next refetch",
                        batch.size(), e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    /** One NOTIFY per payload of at most {@link #MAX_PAYLOAD_BYTES}, all in one round trip. */
    private void announce(List<TicketChange> changes) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            for (String payload : payloads(changes)) {
                notify.setString(1, payload);
                notify.addBatch();
            }
            notify.executeBatch();
        }
    }

    /** JSON arrays of changes, each small enough for one NOTIFY. */
    List<String> payloads(List<TicketChange> changes) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder("[");
        int bytes = 2; // the brackets
        for (TicketChange change : changes) {
            String item = write(change);
            int itemBytes = item.getBytes(StandardCharsets.UTF_8).length + 1;
            if (payload.length() > 1 && bytes + itemBytes > MAX_PAYLOAD_BYTES) {
                payloads.add(payload.append(']').toString());
                payload.setLength(1);
                bytes = 2;
            }
            payload.append(payload.length() > 1 ? "," : "").append(item);
            bytes += itemBytes;
        }
        payloads.add(payload.append(']').toString());
        return payloads;
    }

    private String write(TicketChange change) {
        try {
            return json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A ticket change could not be written as JSON", e);
        }
    }
}
