package org.factdesk.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.factdesk.support.AuditTampering;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes rows behind the application's back, as an attacker with database access would, and
 * checks that verification names the first broken link. Each test repairs what it broke.
 */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AgroalDataSource dataSource;

    final Desk desk = new Desk();

    @BeforeEach
    void trailStartsIntact() {
        verify().body("intact", equalTo(true));
    }

    @Test
    void editedEventIsNamed() throws SQLException {
        long ticket = ticketWithHistory();
        long eventId = eventId(ticket, 2);
        String original = single("SELECT actor FROM audit_event WHERE id = " + eventId);
        tamper("UPDATE audit_event SET actor = 'mallory' WHERE id = " + eventId);
        try {
            verify().body("intact", equalTo(false))
                    .body("firstBroken.kind", equalTo("event"))
                    .body("firstBroken.stream", equalTo("ticket:" + ticket))
                    .body("firstBroken.seq", equalTo(2))
                    .body("firstBroken.eventId", equalTo((int) eventId))
                    .body("firstBroken.problem", equalTo("its content does not match its hash"));
        } finally {
            tamper("UPDATE audit_event SET actor = '" + original + "' WHERE id = " + eventId);
        }
        verify().body("intact", equalTo(true));
    }

    @Test
    void editedChangesEvenWithARecomputedHashBreakTheNextLink() throws SQLException {
        long ticket = ticketWithHistory();
        long eventId = eventId(ticket, 2);
        String hash = single("SELECT hash FROM audit_event WHERE id = " + eventId);
        tamper("UPDATE audit_event SET hash = repeat('a', 64) WHERE id = " + eventId);
        try {
            verify().body("firstBroken.seq", equalTo(2)); // its own hash no longer matches
        } finally {
            tamper("UPDATE audit_event SET hash = '" + hash + "' WHERE id = " + eventId);
        }
    }

    @Test
    void deletedEventIsNamed() throws SQLException {
        long ticket = ticketWithHistory();
        withEventDeleted(eventId(ticket, 2), () -> verify().body("intact", equalTo(false))
                .body("firstBroken.stream", equalTo("ticket:" + ticket))
                .body("firstBroken.seq", equalTo(3))
                .body("firstBroken.problem", equalTo("expected event 2 of the chain but found 3: an event is missing or out of order")));
        verify().body("intact", equalTo(true));
    }

    @Test
    void reorderedEventsAreNamed() throws SQLException {
        long ticket = ticketWithHistory();
        long second = eventId(ticket, 2);
        long third = eventId(ticket, 3);
        swapSeq(second, third);
        try {
            verify().body("intact", equalTo(false))
                    .body("firstBroken.stream", equalTo("ticket:" + ticket))
                    .body("firstBroken.seq", equalTo(2))
                    .body("firstBroken.eventId", equalTo((int) third));
        } finally {
            swapSeq(second, third);
        }
        verify().body("intact", equalTo(true));
    }

    @Test
    void aRemovedLastEventIsNamedByTheTicketsChainHead() throws SQLException {
        long ticket = ticketWithHistory();
        withEventDeleted(eventId(ticket, 4), () -> verify().body("intact", equalTo(false))
                .body("firstBroken.stream", equalTo("ticket:" + ticket))
                .body("firstBroken.seq", equalTo(4))
                .body("firstBroken.problem", org.hamcrest.Matchers.containsString("events are missing at the end")));
        verify().body("intact", equalTo(true));
    }

    @Test
    void checkpointsDetectARemovedLastEventEvenWithTheHeadRewound() throws SQLException {
        long ticket = ticketWithHistory();
        desk.as(desk.dave).post("/api/audit/checkpoints").then().statusCode(201)
                .body("eventCount", greaterThan(0));
        String thirdHash = single("SELECT hash FROM audit_event WHERE id = " + eventId(ticket, 3));
        String head = single("SELECT audit_hash FROM ticket WHERE id = " + ticket);
        withEventDeleted(eventId(ticket, 4), () -> {
            sql("UPDATE ticket SET audit_seq = 3, audit_hash = '" + thirdHash + "' WHERE id = " + ticket);
            try {
                // Chain and head now agree: only the checkpoint remembers the event.
                verify().body("intact", equalTo(false))
                        .body("firstBroken.kind", equalTo("checkpoint"));
            } finally {
                sql("UPDATE ticket SET audit_seq = 4, audit_hash = '" + head + "' WHERE id = " + ticket);
            }
        });
        verify().body("intact", equalTo(true));
    }

    @Test
    void aSlowTransactionCommittingAfterACheckpointFallsIntoTheNextOne() throws SQLException {
        desk.newTicket("NORMAL");
        takeCheckpoint();
        String stream = Desk.unique("slow");
        Instant at = Instant.parse("2026-01-01T00:00:00.123456Z");
        String hash = AuditHash.event(stream, 1, null, at, "slow", "test.slow", null, null,
                new ObjectMapper().createObjectNode(), AuditHash.GENESIS);
        try (Connection slow = dataSource.getConnection(); Statement s = slow.createStatement()) {
            slow.setAutoCommit(false);
            // Writes an event (its id is taken now) but commits only after the next checkpoint.
            s.execute("INSERT INTO audit_event (stream, seq, occurred_at, actor, action, changes, prev_hash, hash) VALUES ('"
                    + stream + "', 1, '" + at + "', 'slow', 'test.slow', '{}', '" + AuditHash.GENESIS + "', '" + hash + "')");
            long later = desk.newTicket("NORMAL"); // commits an event with a higher id first
            takeCheckpoint();
            long below = Long.parseLong(single("SELECT below_txid FROM audit_checkpoint ORDER BY seq DESC LIMIT 1"));
            long laterTxid = Long.parseLong(single("SELECT txid FROM audit_event WHERE stream = 'ticket:" + later + "'"));
            assertTrue(laterTxid >= below, "the checkpoint stops before the slow transaction, whatever committed after it");
            slow.commit();
        }
        verify().body("intact", equalTo(true)); // the earlier checkpoint still means what it meant
        takeCheckpoint();
        long slowTxid = Long.parseLong(single("SELECT txid FROM audit_event WHERE stream = '" + stream + "'"));
        assertEquals("1", single("SELECT count(*) FROM audit_checkpoint WHERE from_txid <= " + slowTxid
                + " AND " + slowTxid + " < below_txid"));
        verify().body("intact", equalTo(true));
    }

    void takeCheckpoint() {
        desk.as(desk.dave).post("/api/audit/checkpoints").then().statusCode(org.hamcrest.Matchers.oneOf(201, 204));
    }

    @Test
    void latestCheckpointIsPublicAndTheAuditApiIsForAdmins() {
        desk.newTicket("LOW");
        desk.as(desk.dave).post("/api/audit/checkpoints").then().statusCode(201);
        given().get("/audit/checkpoints/latest").then().statusCode(200)
                .body("hash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("prevHash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        desk.as(desk.carol).get("/api/audit/verify").then().statusCode(403);
        desk.as(desk.carol).post("/api/audit/checkpoints").then().statusCode(403);
        given().get("/api/audit/verify").then().statusCode(401);
        desk.as(desk.dave).get("/api/audit/checkpoints").then().statusCode(200).body("items[0].prevHash", org.hamcrest.Matchers.notNullValue());
    }

    long ticketWithHistory() {
        long ticket = desk.newTicket("NORMAL");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        desk.addEvidence(desk.alice, ticket);
        desk.act(desk.alice, ticket, "release").statusCode(200);
        return ticket;
    }

    io.restassured.response.ValidatableResponse verify() {
        return desk.as(desk.dave).get("/api/audit/verify").then().statusCode(200);
    }

    long eventId(long ticket, int seq) throws SQLException {
        return Long.parseLong(single("SELECT id FROM audit_event WHERE stream = 'ticket:" + ticket + "' AND seq = " + seq));
    }

    /** Deletes an event behind the application's back for the check, then puts it back exactly. */
    void withEventDeleted(long eventId, Runnable check) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE deleted_event AS SELECT * FROM audit_event WHERE id = " + eventId);
            AuditTampering.asOwner(c, "DELETE FROM audit_event WHERE id = " + eventId);
            try {
                check.run();
            } finally {
                s.execute("INSERT INTO audit_event SELECT * FROM deleted_event");
                s.execute("DROP TABLE deleted_event");
            }
        }
    }

    void swapSeq(long a, long b) throws SQLException {
        tamper("UPDATE audit_event SET seq = -seq WHERE id IN (" + a + ", " + b + ")",
                "UPDATE audit_event x SET seq = -(SELECT y.seq FROM audit_event y WHERE y.id = CASE WHEN x.id = "
                        + a + " THEN " + b + " ELSE " + a + " END) WHERE x.id IN (" + a + ", " + b + ")");
    }

    String single(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Changes the audit tables as their owner would; see {@link AuditTampering}. */
    void tamper(String... statements) throws SQLException {
        AuditTampering.asOwner(dataSource, statements);
    }

    void sql(String statement) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
