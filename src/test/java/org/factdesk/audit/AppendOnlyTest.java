package org.factdesk.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The audit tables refuse changes and removals through the server's own connection (which is the
 * tables' owner, so no privilege stops it: the V5 triggers do).
 */
@QuarkusTest
class AppendOnlyTest {

    @Inject
    AgroalDataSource dataSource;

    final Desk desk = new Desk();

    @Test
    void eventsCannotBeChangedOrRemoved() throws SQLException {
        long ticket = desk.newTicket("NORMAL");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        String stream = "'ticket:" + ticket + "'";
        String before = contents("audit_event");

        refused("UPDATE audit_event SET actor = 'mallory' WHERE stream = " + stream, "audit_event", "UPDATE");
        refused("DELETE FROM audit_event WHERE stream = " + stream + " AND seq = 2", "audit_event", "DELETE");
        refused("DELETE FROM audit_event", "audit_event", "DELETE");
        refused("TRUNCATE audit_event", "audit_event", "TRUNCATE");

        assertEquals(before, contents("audit_event"));
        verifies();
    }

    @Test
    void checkpointsCannotBeChangedOrRemoved() throws SQLException {
        desk.newTicket("LOW");
        desk.as(desk.dave).post("/api/audit/checkpoints").then().statusCode(oneOf(201, 204));
        String before = contents("audit_checkpoint");

        refused("UPDATE audit_checkpoint SET hash = repeat('a', 64)", "audit_checkpoint", "UPDATE");
        refused("DELETE FROM audit_checkpoint WHERE seq = (SELECT max(seq) FROM audit_checkpoint)",
                "audit_checkpoint", "DELETE");
        refused("TRUNCATE audit_checkpoint", "audit_checkpoint", "TRUNCATE");

        assertEquals(before, contents("audit_checkpoint"));
        verifies();
    }

    @Test
    void aRefusalRollsBackTheWholeTransaction() throws SQLException {
        long ticket = desk.newTicket("NORMAL");
        String before = contents("audit_event");
        String head = chainHead(ticket);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // Rewind the ticket's chain head, then try to drop its last event to match.
            s.execute("UPDATE ticket SET audit_seq = 0 WHERE id = " + ticket);
            assertThrows(SQLException.class,
                    () -> s.execute("DELETE FROM audit_event WHERE stream = 'ticket:" + ticket + "'"));
            try {
                c.commit(); // PostgreSQL turns it into a rollback; the driver may say so
            } catch (SQLException expected) {
                c.rollback();
            }
        }
        assertEquals(before, contents("audit_event"));
        assertEquals(head, chainHead(ticket));
        verifies();
    }

    void refused(String statement, String table, String operation) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute(statement);
            }
        }, statement);
        assertEquals("42501", e.getSQLState(), statement);
        assertEquals("ERROR: " + table + " is append-only: " + operation + " is not allowed",
                e.getMessage().lines().findFirst().orElseThrow(), statement);
    }

    String chainHead(long ticket) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT audit_seq || ':' || audit_hash FROM ticket WHERE id = " + ticket)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Every row of the table, in one string, to show that nothing changed. */
    String contents(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY id)), '')"
                     + " FROM " + table + " t")) {
            rs.next();
            return rs.getString(1);
        }
    }

    void verifies() {
        desk.as(desk.dave).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }
}
