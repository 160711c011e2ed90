package org.factdesk.ticket;

import org.factdesk.audit.AuditLog;

import java.time.Instant;

/**
 * What one action does to one ticket: its new status, assignee, scheduled time and reason, and
 * what the audit event records. {@link TicketService#plan} makes it, from the transition table,
 * the policy and the request; the entity path ({@link TicketService}) and claim-next's fast path
 * ({@link NextTicket}) both carry it out with {@link #applyTo}, so the two cannot drift apart.
 *
 * @param from the status before (null when the ticket is being opened)
 */
public record TransitionPlan(TicketAction action, TicketStatus from, TicketStatus to, String assignee,
                             Instant publishAt, String reason, AuditLog.Changes changes) {

    /** Writes the plan into the ticket (the audit chain head is the audit log's to move). */
    public void applyTo(Ticket ticket, Instant now) {
        ticket.status = to;
        ticket.assignee = assignee;
        ticket.publishAt = publishAt;
        ticket.reason = reason;
        ticket.updatedAt = now;
    }

    String fromName() {
        return from == null ? null : from.name();
    }
}
