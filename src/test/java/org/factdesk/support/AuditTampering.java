package org.factdesk.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Changes the audit trail as an attacker with the tables' owner (or superuser) rights would.
 *
 * <p>The audit tables refuse UPDATE and DELETE through triggers (V5), but their owner can switch
 * a trigger off. Tests that prove {@code /api/audit/verify} detects tampering model exactly that
 * attacker, so they do it too. The triggers are switched off and on again inside the same
 * transaction as the tampering: no other connection ever sees them off, and a failed statement
 * rolls everything back.
 */
public final class AuditTampering {

    private AuditTampering() {
    }

    /** Runs the statements on a connection of its own. */
    public static void asOwner(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            asOwner(connection, statements);
        }
    }

    /** Runs the statements in one transaction on this connection (e.g. one that holds a temp table). */
    public static void asOwner(Connection connection, String... statements) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            s.execute("ALTER TABLE audit_checkpoint DISABLE TRIGGER audit_checkpoint_append_only");
            for (String statement : statements) {
                s.execute(statement);
            }
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
            s.execute("ALTER TABLE audit_checkpoint ENABLE TRIGGER audit_checkpoint_append_only");
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
