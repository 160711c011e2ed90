package org.factdesk.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.common.Actor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Claim-next, the desk's busiest write: at the start of a shift every fact-checker asks for the
 * next ticket at once. It carries out the same {@link TransitionPlan} as the entity path (made by
 * {@link TransitionPlan#of} for {@link TicketAction#CLAIM}) on the row path ({@link TicketRows}): two
 * statements and a commit, so that claiming is bound by PostgreSQL rather than by object mapping.
 * What is its own is only which ticket: the most urgent open one no one else holds.
 */
@ApplicationScoped
public class NextTicket {

    /** The most urgent open ticket and the desk's limit, locked; rows other transactions hold are skipped. */
    private static final String LOCK_NEXT_OPEN = TicketRows.SELECT + " WHERE t.status = 'OPEN'"
            + " ORDER BY " + Urgency.SQL + " LIMIT 1 FOR NO KEY UPDATE OF t SKIP LOCKED";

    @Inject
    TicketRows rows;

    /** The claimed ticket with its claim (detached copies, for the response), or null when none is open. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket claim(Actor actor) {
        TicketRows.Locked next = rows.first(LOCK_NEXT_OPEN);
        if (next == null) {
            return null;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL stores it
        TransitionPlan plan = TransitionPlan.of(TicketAction.CLAIM, next.ticket(), actor, TransitionRequest.NONE, now,
                next::maxInProgress);
        return rows.carryOut(plan, next.ticket(), actor, now);
    }
}
