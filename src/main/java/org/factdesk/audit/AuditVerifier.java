package org.factdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Recomputes every chain and checkpoint from the rows as they are in the database and names the
 * first broken link. Reads with plain JDBC and a cursor so that a long trail is streamed, not loaded.
 */
@ApplicationScoped
public class AuditVerifier {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<StoredContent> storedContent;

    /**
     * The outcome; {@code firstBroken} is null when everything verifies. {@code erasures} names the
     * personal values erased so far: their events still verify, as they hold only commitments, but
     * the values behind those commitments are gone.
     */
    public record Report(boolean intact,
                         @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long eventsChecked,
                         @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long streamsChecked,
                         @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long checkpointsChecked,
                         BrokenLink firstBroken, @Schema(maxItems = MAX_ERASURES) List<Erased> erasures,
                         @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long contentChecked,
                         @Schema(maxItems = MAX_BROKEN_CONTENT) List<BrokenContent> brokenContent) {

        Report(boolean intact, long eventsChecked, long streamsChecked, long checkpointsChecked, BrokenLink firstBroken,
               List<Erased> erasures) {
            this(intact, eventsChecked, streamsChecked, checkpointsChecked, firstBroken, erasures, 0, List.of());
        }
    }

    /** The report names at most this many pieces of stored content that no longer match the trail. */
    public static final int MAX_BROKEN_CONTENT = 100;

    /**
     * Stored content (kind {@code capture}, its id) that no longer matches the digest its audit event
     * states, or is missing; {@code problem} says which in a sentence of ours.
     */
    public record BrokenContent(@Schema(maxLength = Erased.KIND_MAX) String kind,
                                @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long id,
                                @Schema(maxLength = PROBLEM_MAX) String problem) {
    }

    /** The report names the newest erasures, at most this many (all of them: {@code GET /api/erasures}). */
    public static final int MAX_ERASURES = 1000;

    /** A personal value that was erased: kind (claimant, comment, article-author, article-text, tip-contact, capture), row id, when. */
    public record Erased(@Schema(maxLength = Erased.KIND_MAX) String kind,
                         @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long id, Instant erasedAt) {

        /** Longer than any erasure kind's name ({@code ErasureKind.NAME_MAX} is this bound). */
        public static final int KIND_MAX = 20;
    }

    /**
     * Where verification failed: an event of a stream ({@code desk} or {@code ticket:{id}}), or a checkpoint;
     * {@code problem} says what is wrong in a sentence of ours.
     */
    public record BrokenLink(@Schema(enumeration = {"event", "checkpoint"}) String kind,
                             @Schema(maxLength = STREAM_MAX) String stream,
                             @Schema(minimum = "1", maximum = Limits.INT_MAX_TEXT) Integer seq,
                             @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long eventId,
                             @Schema(minimum = "1", maximum = Limits.INT_MAX_TEXT) Integer checkpointSeq,
                             @Schema(maxLength = PROBLEM_MAX) String problem) {
    }

    /** "ticket:" and a bigint id. */
    static final int STREAM_MAX = 7 + 19;
    static final int PROBLEM_MAX = 500;

    public Report verify() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return verify(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Audit verification could not read the trail", e);
        }
    }

    private Report verify(Connection connection) throws SQLException {
        List<Erased> erasures = erasures(connection);
        Report chains = verifyChains(connection);
        long contentChecked = 0;
        List<BrokenContent> broken = new ArrayList<>();
        for (StoredContent content : storedContent) {
            StoredContent.Check check = content.verify(MAX_BROKEN_CONTENT - broken.size());
            contentChecked += check.checked();
            broken.addAll(check.broken());
        }
        return new Report(chains.intact() && broken.isEmpty(), chains.eventsChecked(), chains.streamsChecked(),
                chains.checkpointsChecked(), chains.firstBroken(), erasures, contentChecked, broken);
    }

    private static List<Erased> erasures(Connection connection) throws SQLException {
        List<Erased> erasures = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT kind, target_id, erased_at FROM erasure ORDER BY erased_at DESC, id DESC LIMIT " + MAX_ERASURES);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                erasures.add(new Erased(row.getString(1), row.getLong(2), row.getObject(3, OffsetDateTime.class).toInstant()));
            }
        }
        Collections.reverse(erasures); // oldest first, as ever
        return erasures;
    }

    private Report verifyChains(Connection connection) throws SQLException {
        long events = 0;
        long streams = 0;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, stream, seq, ticket_id, occurred_at, actor, action, from_status, to_status,
                       changes::text, prev_hash, hash
                FROM audit_event ORDER BY ticket_id NULLS FIRST, stream, seq""")) {
            statement.setFetchSize(2000);
            try (ResultSet row = statement.executeQuery()) {
                String stream = null;
                int expectedSeq = 0;
                String expectedPrev = null;
                while (row.next()) {
                    events++;
                    long id = row.getLong(1);
                    String rowStream = row.getString(2);
                    int seq = row.getInt(3);
                    if (!rowStream.equals(stream)) {
                        stream = rowStream;
                        streams++;
                        expectedSeq = 1;
                        expectedPrev = AuditHash.GENESIS;
                    }
                    String problem = null;
                    if (seq != expectedSeq) {
                        problem = "expected event " + expectedSeq + " of the chain but found " + seq
                                + ": an event is missing or out of order";
                    } else if (!row.getString(11).equals(expectedPrev)) {
                        problem = "its previous-hash does not match the event before it";
                    } else {
                        Long ticketId = row.getObject(4) == null ? null : row.getLong(4);
                        JsonNode changes = json.readTree(row.getString(10));
                        String recomputed = AuditHash.event(rowStream, seq, ticketId,
                                row.getObject(5, OffsetDateTime.class).toInstant(), row.getString(6), row.getString(7),
                                row.getString(8), row.getString(9), changes, row.getString(11));
                        if (!recomputed.equals(row.getString(12))) {
                            problem = "its content does not match its hash";
                        }
                    }
                    if (problem != null) {
                        return new Report(false, events, streams, 0,
                                new BrokenLink("event", rowStream, seq, id, null, problem), null);
                    }
                    expectedSeq++;
                    expectedPrev = row.getString(12);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        BrokenLink head = verifyTicketHeads(connection);
        if (head != null) {
            return new Report(false, events, streams, 0, head, null);
        }
        return verifyCheckpoints(connection, events, streams);
    }

    /** Each ticket row records the last link of its chain: a chain cut short at its end shows here. */
    private BrokenLink verifyTicketHeads(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT t.id, t.audit_seq, e.seq, e.id
                FROM ticket t
                LEFT JOIN LATERAL (SELECT seq, hash, id FROM audit_event
                                   WHERE stream = 'ticket:' || t.id ORDER BY seq DESC LIMIT 1) e ON true
                WHERE e.seq IS DISTINCT FROM t.audit_seq OR e.hash IS DISTINCT FROM t.audit_hash
                ORDER BY t.id LIMIT 1""");
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            long ticketId = row.getLong(1);
            int recorded = row.getInt(2);
            return new BrokenLink("event", AuditLog.streamOf(ticketId), recorded, null, null,
                    "the ticket records event " + recorded + " as the last of its chain, but the chain ends at "
                            + (row.getObject(3) == null ? "nothing" : "event " + row.getInt(3) + " (id " + row.getLong(4) + ")")
                            + " or with another hash: events are missing at the end");
        }
    }

    private Report verifyCheckpoints(Connection connection, long events, long streams) throws SQLException {
        long checked = 0;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT seq, created_at, from_txid, below_txid, event_count, total_events, last_event_id,
                       events_digest, prev_hash, hash
                FROM audit_checkpoint ORDER BY seq""");
             ResultSet row = statement.executeQuery()) {
            int expectedSeq = 1;
            String expectedPrev = AuditHash.GENESIS;
            long expectedFrom = 0;
            long total = 0;
            while (row.next()) {
                checked++;
                int seq = row.getInt(1);
                long from = row.getLong(3);
                long below = row.getLong(4);
                long count = row.getLong(5);
                Long lastEventId = row.getObject(7) == null ? null : row.getLong(7);
                String problem = null;
                if (seq != expectedSeq) {
                    problem = "expected checkpoint " + expectedSeq + " but found " + seq;
                } else if (!row.getString(9).equals(expectedPrev) || from != expectedFrom) {
                    problem = "it does not continue the checkpoint before it";
                } else if (!AuditHash.checkpoint(seq, row.getObject(2, OffsetDateTime.class).toInstant(), from, below,
                        count, row.getLong(6), lastEventId, row.getString(8), row.getString(9)).equals(row.getString(10))) {
                    problem = "its content does not match its hash";
                } else {
                    Coverage coverage = coverage(connection, from, below);
                    total += coverage.count;
                    if (coverage.count != count || !coverage.digest.equals(row.getString(8)) || total != row.getLong(6)) {
                        problem = "the events it covers have changed: it recorded " + count + " events, "
                                + coverage.count + " are there now, or their hashes differ";
                    }
                }
                if (problem != null) {
                    return new Report(false, events, streams, checked,
                            new BrokenLink("checkpoint", null, null, null, seq, problem), null);
                }
                expectedSeq++;
                expectedPrev = row.getString(10);
                expectedFrom = below;
            }
        }
        return new Report(true, events, streams, checked, null, null);
    }

    private record Coverage(long count, String digest) {
    }

    private Coverage coverage(Connection connection, long from, long below) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT hash FROM audit_event WHERE txid >= ? AND txid < ? ORDER BY txid, id")) {
            statement.setFetchSize(2000);
            statement.setLong(1, from);
            statement.setLong(2, below);
            MessageDigest digest = AuditHash.newDigest();
            long count = 0;
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    AuditHash.addEvent(digest, row.getString(1));
                    count++;
                }
            }
            return new Coverage(count, AuditHash.hex(digest));
        }
    }
}
