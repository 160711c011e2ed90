package org.factdesk.ticket;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditEvent;
import org.factdesk.audit.AuditLog;
import org.factdesk.claim.Claim;
import org.factdesk.claim.Priority;
import org.factdesk.common.Actor;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Claim-next, the desk's busiest write: at the start of a shift every fact-checker asks for the
 * next ticket at once. It applies exactly the rules {@link TicketService#apply} applies to
 * {@link TicketAction#CLAIM} (the transition table, the per-person limit, the audit chain) but in
 * two SQL statements and a commit rather than the entity path's six round trips, so that claiming is bound by
 * PostgreSQL rather than by object mapping. Callers check the role first.
 */
@ApplicationScoped
class NextTicket {

    /** The most urgent open ticket (same order as the list), locked; rows other transactions hold are skipped. */
    private static final String LOCK_NEXT_OPEN = """
            SELECT t.id, t.audit_seq, t.audit_hash, t.deadline, t.published_versions, t.created_at, t.version,
                   c.id, c.text, c.claimant, c.language, c.topics, c.priority, c.duplicate_of,
                   (SELECT max_in_progress FROM desk_settings WHERE id = 1), t.assignee
            FROM ticket t JOIN claim c ON c.id = t.claim_id
            WHERE t.status = 'OPEN'
            ORDER BY t.priority_rank, t.deadline NULLS LAST, t.created_at, t.id
            LIMIT 1
            FOR NO KEY UPDATE OF t SKIP LOCKED""";

    /** The ticket's new state and chain head, and the chain's new link, in one statement. */
    private static final String ASSIGN = """
            WITH claimed AS (
                UPDATE ticket SET status = ?, assignee = ?, updated_at = ?, audit_seq = ?, audit_hash = ?,
                                  version = version + 1
                WHERE id = ?
                RETURNING version
            ), appended AS (
                INSERT INTO audit_event (stream, seq, ticket_id, occurred_at, actor, action, from_status, to_status,
                                         changes, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
            )
            SELECT version FROM claimed""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    /** The claimed ticket with its claim (detached copies, for the response), or null when none is open. */
    @Transactional(Transactional.TxType.MANDATORY)
    Ticket claim(Actor actor) {
        TicketAction action = TicketAction.CLAIM;
        try (Connection connection = dataSource.getConnection()) {
            Ticket ticket;
            int maxInProgress;
            try (PreparedStatement select = connection.prepareStatement(LOCK_NEXT_OPEN);
                 ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                ticket = ticket(row);
                maxInProgress = row.getInt(15);
            }
            action.refusal(ticket).ifPresent(reason -> {
                throw TicketService.illegalTransition(ticket, reason);
            });
            TicketService.enforceLimit(actor.subject(), maxInProgress);

            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL stores it
            AuditEvent event = audit.nextLink(ticket.id, ticket.auditSeq, ticket.auditHash, actor,
                    "ticket." + action.path, ticket.status.name(), action.to.name(),
                    audit.changes().field("assignee", ticket.assignee, actor.subject()));
            try (PreparedStatement assign = connection.prepareStatement(ASSIGN)) {
                int i = 0;
                assign.setString(++i, action.to.name());
                assign.setString(++i, actor.subject());
                assign.setObject(++i, utc(now));
                assign.setInt(++i, event.seq);
                assign.setString(++i, event.hash);
                assign.setLong(++i, ticket.id);
                assign.setString(++i, event.stream);
                assign.setInt(++i, event.seq);
                assign.setLong(++i, ticket.id);
                assign.setObject(++i, utc(event.occurredAt));
                assign.setString(++i, event.actor);
                assign.setString(++i, event.action);
                assign.setString(++i, event.fromStatus);
                assign.setString(++i, event.toStatus);
                assign.setString(++i, event.changes.toString());
                assign.setString(++i, event.prevHash);
                assign.setString(++i, event.hash);
                try (ResultSet row = assign.executeQuery()) {
                    row.next();
                    ticket.version = row.getLong(1);
                }
            }
            ticket.status = action.to;
            ticket.assignee = actor.subject();
            ticket.updatedAt = now;
            ticket.auditSeq = event.seq;
            ticket.auditHash = event.hash;
            audit.announce(event, ticket.status.name());
            return ticket;
        } catch (SQLException e) {
            throw new IllegalStateException("claim-next failed", e);
        }
    }

    private static Ticket ticket(ResultSet row) throws SQLException {
        Ticket ticket = new Ticket();
        ticket.id = row.getLong(1);
        ticket.status = TicketStatus.OPEN;
        ticket.auditSeq = row.getInt(2);
        ticket.auditHash = row.getString(3);
        ticket.deadline = instant(row, 4);
        ticket.publishedVersions = row.getInt(5);
        ticket.createdAt = instant(row, 6);
        ticket.version = row.getLong(7);
        ticket.assignee = row.getString(16); // none on an open ticket, but the audit records what was there
        Claim claim = new Claim();
        claim.id = row.getLong(8);
        claim.text = row.getString(9);
        claim.claimant = row.getString(10);
        claim.language = row.getString(11);
        Array topics = row.getArray(12);
        claim.topics = (String[]) topics.getArray();
        claim.priority = Priority.valueOf(row.getString(13));
        claim.duplicateOf = row.getObject(14) == null ? null : row.getLong(14);
        ticket.claim = claim;
        return ticket;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
