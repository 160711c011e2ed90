package org.factdesk.tip;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contacts are deleted the retention period (desk settings, 30 days by default) after the final answer, or
 * after a tip was not taken up, and kept before; a correction under way keeps them; waiting answers of a
 * removed contact are dropped; the job runs once across replicas. Times are set back with SQL, never waited for.
 */
@QuarkusTest
class TipRetentionTest {

    @Inject
    TipIntake intake;

    @Inject
    TipRetention retention;

    @Inject
    AgroalDataSource dataSource;

    final Desk desk = new Desk();

    @Test
    void aContactIsDeletedThePeriodAfterTheFinalAnswerAndKeptBefore() throws Exception {
        long ticket = publishedTicket();
        long old = tipAttachedTo(ticket);
        long recent = tipAttachedTo(ticket);
        long waiting = tipAttachedTo(ticket);
        answer(old, ticket, "SENT", 31);
        answer(recent, ticket, "SENT", 29);
        answer(waiting, ticket, "PENDING", 40);

        assertTrue(retention.run().ran());
        assertContactRemoved(old);
        assertContactKept(recent);
        assertContactKept(waiting, "an answer still waiting is not a final one");

        // A correction under way: another answer will follow, so the earlier one is not final.
        long corrected = publishedTicket();
        long requester = tipAttachedTo(corrected);
        answer(requester, corrected, "SENT", 40);
        desk.act(desk.carol, corrected, "correct").statusCode(200);
        retention.run();
        assertContactKept(requester);
        // Given up after its last attempt, the answer is as final as a sent one.
        long given = tipAttachedTo(ticket);
        answer(given, ticket, "FAILED", 35);
        retention.run();
        assertContactRemoved(given);
    }

    @Test
    void tipsNotTakenUpLoseTheirContactThePeriodAfterTheDesksDecision() throws Exception {
        long dismissedLongAgo = tip();
        sql("UPDATE tip_group SET dismissed_at = now() - interval '31 days', dismissed_by = 'test' WHERE id = "
                + groupOf(dismissedLongAgo));
        sql("UPDATE tip SET received_at = now() - interval '32 days' WHERE id = " + dismissedLongAgo);
        long dismissedToday = tip();
        sql("UPDATE tip_group SET dismissed_at = now(), dismissed_by = 'test' WHERE id = " + groupOf(dismissedToday));
        sql("UPDATE tip SET received_at = now() - interval '60 days' WHERE id = " + dismissedToday);
        long open = tip();
        sql("UPDATE tip SET received_at = now() - interval '90 days' WHERE id = " + open);

        long discardedTicket = desk.newTicket("LOW");
        desk.act(desk.carol, discardedTicket, "discard", Map.of("reason", "Not checkable")).statusCode(200);
        long discarded = tipAttachedTo(discardedTicket);
        sql("UPDATE ticket SET updated_at = now() - interval '31 days' WHERE id = " + discardedTicket);
        sql("UPDATE tip SET received_at = now() - interval '31 days' WHERE id = " + discarded);

        retention.run();
        assertContactRemoved(dismissedLongAgo);
        assertContactKept(dismissedToday, "the desk may still change its mind");
        assertContactKept(open, "a tip still in the inbox waits for its answer");
        assertContactRemoved(discarded);
    }

    @Test
    void waitingAnswersOfARemovedContactAreDropped() throws Exception {
        long ticket = publishedTicket();
        long tip = tipAttachedTo(ticket);
        long answer = answer(tip, ticket, "PENDING", 0);
        sql("UPDATE tip SET contact = NULL, contact_salt = NULL, contact_removed_at = now() WHERE id = " + tip);
        retention.run();
        assertEquals("DROPPED", single("SELECT state FROM tip_answer WHERE id = " + answer));
    }

    @Test
    void theJobRunsOnceAcrossReplicas() throws Exception {
        long ticket = publishedTicket();
        List<Long> due = List.of(tipAttachedTo(ticket), tipAttachedTo(ticket), tipAttachedTo(ticket));
        for (long tip : due) {
            answer(tip, ticket, "SENT", 45);
        }
        // Another replica is running it: this one skips and changes nothing.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + TipRetention.RETENTION_LOCK + ")");
            }
            TipRetention.Outcome skipped = retention.run();
            assertFalse(skipped.ran());
            assertEquals(0, skipped.removed());
            for (long tip : due) {
                assertContactKept(tip, "another replica holds the job");
            }
            other.rollback();
        }
        // Two at once: each contact is removed once, and neither run fails.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<TipRetention.Outcome> a = pool.submit(retention::run);
            Future<TipRetention.Outcome> b = pool.submit(retention::run);
            TipRetention.Outcome first = a.get(60, TimeUnit.SECONDS);
            TipRetention.Outcome second = b.get(60, TimeUnit.SECONDS);
            assertTrue(first.removed() + second.removed() >= due.size());
        } finally {
            pool.shutdownNow();
        }
        for (long tip : due) {
            assertContactRemoved(tip);
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    long publishedTicket() {
        String words = Desk.unique("harbour");
        return desk.publish(Map.of("text", "The " + words + " harbour will be closed", "language", "en",
                "claimant", "A mayor"), "False", "The harbour stays open");
    }

    long tip() {
        // Each tip starts a group of its own.
        return intake.receive(new TipInput(TipChannel.WEB, Tips.uniqueText(), List.of(),
                "en", Desk.unique("reader") + "@readers.example", true)).tipId();
    }

    long tipAttachedTo(long ticket) throws SQLException {
        long tip = tip();
        JsonPath t = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().statusCode(200).extract().jsonPath();
        sql("UPDATE tip_group SET claim_id = " + t.getLong("claim.id") + ", attached_at = now(), attached_by = 'test'"
                + " WHERE id = " + groupOf(tip));
        return tip;
    }

    long groupOf(long tip) throws SQLException {
        return Long.parseLong(single("SELECT group_id FROM tip WHERE id = " + tip));
    }

    /** An answer to the tip in this state, sent (or written) so many days ago. */
    long answer(long tip, long ticket, String state, int daysAgo) throws SQLException {
        return Long.parseLong(single("INSERT INTO tip_answer (tip_id, kind, ticket_id, version, message_id, created_at,"
                + " state, next_at, sent_at) VALUES (" + tip + ", 'published', " + ticket + ", 1, '<retention."
                + java.util.UUID.randomUUID() + "@factdesk.test>', now() - interval '" + daysAgo + " days', '" + state
                + "', " + ("PENDING".equals(state) ? "now() + interval '1 day'" : "NULL") + ", "
                + ("SENT".equals(state) ? "now() - interval '" + daysAgo + " days'" : "NULL") + ") RETURNING id"));
    }

    void assertContactRemoved(long tip) throws SQLException {
        assertNull(single("SELECT contact FROM tip WHERE id = " + tip), "contact of tip " + tip);
        assertNull(single("SELECT contact_salt FROM tip WHERE id = " + tip));
        assertNotNull(single("SELECT contact_removed_at FROM tip WHERE id = " + tip));
    }

    void assertContactKept(long tip) throws SQLException {
        assertContactKept(tip, "contact of tip " + tip);
    }

    void assertContactKept(long tip, String why) throws SQLException {
        assertNotNull(single("SELECT contact FROM tip WHERE id = " + tip), why);
        assertNull(single("SELECT contact_removed_at FROM tip WHERE id = " + tip), why);
    }

    void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    String single(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            assertTrue(r.next(), query);
            return r.getString(1);
        }
    }
}
