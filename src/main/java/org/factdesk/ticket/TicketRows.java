package org.factdesk.ticket;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditEvent;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Problems;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The row path of the one door: a {@link TransitionPlan} (made by {@link TransitionPlan#of}, as on the entity
 * path) carried out in plain SQL, for the actions whose effects are the ticket row and its audit event alone —
 * claim-next's, release, assign, approve and the like. The ticket is read and locked with its claim in one
 * statement and written with its audit event in one more, instead of the entity path's five round trips and
 * object mapping; the tickets it answers are detached copies, for the response.
 */
@ApplicationScoped
public class TicketRows {

    /** A locked ticket with its claim, and the desk's limit of tickets in progress a plan may need. */
    public record Locked(Ticket ticket, int maxInProgress) {
    }

    /** Select list of {@link TicketRow#COLUMNS} and the desk's limit, over {@code ticket t JOIN claim c}. */
    static final String SELECT = "SELECT " + TicketRow.COLUMNS + ", (SELECT max_in_progress FROM desk_settings WHERE id = 1)"
            + TicketRow.FROM;

    private static final String LOCK = SELECT + " WHERE t.id = ? FOR NO KEY UPDATE OF t";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    /** The ticket, locked for this transaction (404 when there is none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Locked lock(long id) {
        Locked locked = first(LOCK, id);
        if (locked == null) {
            throw Problems.notFound("Ticket", id);
        }
        return locked;
    }

    /** The first row of {@code sql}, a locking {@link #SELECT}, or null when it finds none. */
    Locked first(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 1, params[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Locked(TicketRow.read(row), row.getInt(TicketRow.COLUMN_COUNT + 1)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a ticket row failed", e);
        }
    }

    /**
     * Carries out {@code plan}, made for {@code ticket} as this transaction locked it: the planned fields, the chain's
     * next link, both stored in one statement, then the event announced. {@code now} as PostgreSQL stores it
     * (microseconds), so that the answer shows what a later read does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket carryOut(TransitionPlan plan, Ticket ticket, Actor actor, Instant now) {
        plan.applyTo(ticket, now);
        AuditEvent event = audit.nextLink(ticket, actor, plan.action().event, plan.fromName(), plan.to().name(),
                plan.changes());
        try (Connection connection = dataSource.getConnection()) {
            TicketRow.write(connection, ticket, event);
        } catch (SQLException e) {
            throw new IllegalStateException("storing " + plan.action().path + " of ticket " + ticket.id + " failed", e);
        }
        audit.announce(event, ticket.status.name());
        return ticket;
    }
}
