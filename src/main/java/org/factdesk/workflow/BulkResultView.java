package org.factdesk.workflow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;
import org.factdesk.ticket.TicketView;

/** One ticket's outcome in a bulk request: done, with the ticket as it is now, or refused, with the problem. */
public record BulkResultView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long ticketId,
                             boolean ok,
                             @Schema(nullable = true) TicketView ticket,
                             @Schema(nullable = true) BulkProblemView problem) {
}
