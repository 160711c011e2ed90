package org.factdesk.audit;

/**
 * Fired, inside the transaction, whenever an event is appended to a ticket's audit trail, i.e.
 * whenever anything about the ticket changes. Observers must not fail the transaction.
 */
public record TicketAudited(AuditEvent event, String status) {
}
