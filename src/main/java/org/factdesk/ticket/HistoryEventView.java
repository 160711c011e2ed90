package org.factdesk.ticket;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditEvent;
import org.factdesk.audit.AuditHash;
import org.factdesk.common.Limits;

import java.time.Instant;

/** An event of a ticket's audit chain: {@code actor} is a token subject (or "system"), {@code changes} what it recorded. */
public record HistoryEventView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                               @Schema(minimum = "1", maximum = Limits.INT_MAX_TEXT) int seq, Instant occurredAt,
                               @Schema(maxLength = Limits.SUBJECT_MAX) String actor,
                               @Schema(maxLength = AuditAction.ID_MAX) String action,
                               TicketStatus fromStatus, TicketStatus toStatus,
                               @Schema(description = "What the event recorded (a JSON object).") Object changes,
                               @Schema(minLength = AuditHash.HEX_LENGTH, maxLength = AuditHash.HEX_LENGTH,
                                       pattern = AuditHash.HEX_PATTERN) String hash) {

    public static HistoryEventView of(AuditEvent e) {
        return new HistoryEventView(e.id, e.seq, e.occurredAt, e.actor, e.action, status(e.fromStatus), status(e.toStatus),
                e.changes, e.hash);
    }

    private static TicketStatus status(String name) {
        return name == null ? null : TicketStatus.valueOf(name);
    }
}
