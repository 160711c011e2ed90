package org.factdesk.live;

import java.time.Instant;

/** What open screens learn when a ticket changes: enough to know what to refetch. */
public record TicketChange(long ticketId, String action, String status, String actor, Instant occurredAt) {
}
