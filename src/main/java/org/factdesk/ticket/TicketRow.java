package org.factdesk.ticket;

import org.factdesk.audit.AuditEvent;
import org.factdesk.audit.AuditLog;
import org.factdesk.claim.Claim;
import org.factdesk.claim.Priority;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A ticket row (with its claim's summary) read and written in plain SQL, for the fast path that
 * cannot afford the entity path's round trips. It reads every column a plan looks at and writes
 * every column {@link TransitionPlan#applyTo} sets, whatever the action: the plan decides the
 * values, this class only moves them.
 */
final class TicketRow {

    /** Select list over {@code ticket t JOIN claim c}; {@link #read} maps it. */
    static final String COLUMNS = """
            t.id, t.status, t.assignee, t.publish_at, t.reason, t.changes_requested, t.deadline, t.published_versions, t.created_at,
            t.updated_at, t.audit_seq, t.audit_hash, t.version, t.priority_rank,
            c.id, c.text, c.claimant, last_erasure('claimant', c.id), c.language, c.topics, c.priority, c.duplicate_of""";
    static final int COLUMN_COUNT = 22;
    /** The tables {@link #COLUMNS} reads. */
    static final String FROM = " FROM ticket t JOIN claim c ON c.id = t.claim_id";

    /** The planned fields and the chain head, and the chain's new link, in one statement. */
    private static final String WRITE = """
            WITH moved AS (
                UPDATE ticket SET status = ?, assignee = ?, publish_at = ?, reason = ?, changes_requested = ?,
                                  updated_at = ?,
                                  audit_seq = ?, audit_hash = ?, version = version + 1
                WHERE id = ? AND version = ?
                RETURNING version
            ), appended AS (
            """ + AuditLog.INSERT_LINK + """
            )
            SELECT version FROM moved""";

    private TicketRow() {
    }

    static Ticket read(ResultSet row) throws SQLException {
        int i = 0;
        Ticket ticket = new Ticket();
        ticket.id = row.getLong(++i);
        ticket.status = TicketStatus.valueOf(row.getString(++i));
        ticket.assignee = row.getString(++i);
        ticket.publishAt = instant(row, ++i);
        ticket.reason = row.getString(++i);
        ticket.changesRequested = row.getBoolean(++i);
        ticket.deadline = instant(row, ++i);
        ticket.publishedVersions = row.getInt(++i);
        ticket.createdAt = instant(row, ++i);
        ticket.updatedAt = instant(row, ++i);
        ticket.auditSeq = row.getInt(++i);
        ticket.auditHash = row.getString(++i);
        ticket.version = row.getLong(++i);
        ticket.priorityRank = row.getInt(++i);
        Claim claim = new Claim();
        claim.id = row.getLong(++i);
        claim.text = row.getString(++i);
        claim.claimant = row.getString(++i);
        claim.claimantErasedAt = instant(row, ++i);
        claim.language = row.getString(++i);
        Array topics = row.getArray(++i);
        claim.topics = (String[]) topics.getArray();
        claim.priority = Priority.valueOf(row.getString(++i));
        claim.duplicateOf = row.getObject(++i) == null ? null : row.getLong(i);
        ticket.claim = claim;
        return ticket;
    }

    /**
     * Stores the ticket's planned fields and chain head with the audit event that moved it there;
     * the ticket's version must still be the one read, and becomes the new one.
     */
    static void write(Connection connection, Ticket ticket, AuditEvent event) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(WRITE)) {
            int i = 0;
            statement.setString(++i, ticket.status.name());
            statement.setString(++i, ticket.assignee);
            statement.setObject(++i, utc(ticket.publishAt));
            statement.setString(++i, ticket.reason);
            statement.setBoolean(++i, ticket.changesRequested);
            statement.setObject(++i, utc(ticket.updatedAt));
            statement.setInt(++i, ticket.auditSeq);
            statement.setString(++i, ticket.auditHash);
            statement.setLong(++i, ticket.id);
            statement.setLong(++i, ticket.version);
            AuditLog.bind(statement, ++i, event);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("ticket " + ticket.id + " changed under its row lock");
                }
                ticket.version = row.getLong(1);
            }
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
