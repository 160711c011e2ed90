package org.factdesk.ticket;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditEvent;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Claim-next, the desk's busiest write: at the start of a shift every fact-checker asks for the
 * next ticket at once. It carries out the same {@link TransitionPlan} as the entity path (made by
 * {@link TransitionPlan#of} for {@link TicketAction#CLAIM}) in two statements and a commit rather
 * than six round trips, so that claiming is bound by PostgreSQL rather than by object mapping.
 * What is its own is only which ticket: the most urgent open one no one else holds.
 */
@ApplicationScoped
public class NextTicket {

    /** The most urgent open ticket and the desk's limit, locked; rows other transactions hold are skipped. */
    private static final String LOCK_NEXT_OPEN = "SELECT " + TicketRow.COLUMNS
            + ", (SELECT max_in_progress FROM desk_settings WHERE id = 1)"
            + " FROM ticket t JOIN claim c ON c.id = t.claim_id WHERE t.status = 'OPEN'"
            + " ORDER BY " + Urgency.SQL + " LIMIT 1 FOR NO KEY UPDATE OF t SKIP LOCKED";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    /** The claimed ticket with its claim (detached copies, for the response), or null when none is open. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket claim(Actor actor) {
        try (Connection connection = dataSource.getConnection()) {
            Ticket ticket;
            int maxInProgress;
            try (PreparedStatement select = connection.prepareStatement(LOCK_NEXT_OPEN);
                 ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                ticket = TicketRow.read(row);
                maxInProgress = row.getInt(TicketRow.COLUMN_COUNT + 1);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL stores it
            TransitionPlan plan = TransitionPlan.of(TicketAction.CLAIM, ticket, actor, TransitionRequest.NONE, now,
                    () -> maxInProgress);
            plan.applyTo(ticket, now);
            AuditEvent event = audit.nextLink(ticket, actor, plan.action().event, plan.fromName(), plan.to().name(),
                    plan.changes());
            TicketRow.write(connection, ticket, event);
            audit.announce(event, ticket.status.name());
            return ticket;
        } catch (SQLException e) {
            throw new IllegalStateException("claim-next failed", e);
        }
    }
}
