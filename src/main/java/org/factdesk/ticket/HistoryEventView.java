package org.factdesk.ticket;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditEvent;
import org.factdesk.audit.AuditHash;
import org.factdesk.common.Limits;
import org.factdesk.people.DeskDirectory;

import java.time.Instant;

/**
 * An event of a ticket's audit chain: {@code actor} is a token subject (or "system"), {@code actorName} their
 * display name (null when the desk directory does not know them), {@code label} the action in words (the web
 * app holds no copy of the actions), {@code changes} what it recorded.
 */
public record HistoryEventView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                               @Schema(minimum = "1", maximum = Limits.INT_MAX_TEXT) int seq, Instant occurredAt,
                               @Schema(maxLength = Limits.SUBJECT_MAX) String actor,
                               @Schema(maxLength = AuditAction.ID_MAX) String action,
                               TicketStatus fromStatus, TicketStatus toStatus,
                               @Schema(description = "What the event recorded (a JSON object).") Object changes,
                               @Schema(minLength = AuditHash.HEX_LENGTH, maxLength = AuditHash.HEX_LENGTH,
                                       pattern = AuditHash.HEX_PATTERN) String hash,
                               @Schema(maxLength = DeskDirectory.NAME_MAX) String actorName,
                               @Schema(maxLength = AuditAction.LABEL_MAX,
                                       description = "What the actor did, in words, to follow their name (\"claimed the ticket\").")
                               String label) {

    public static HistoryEventView of(AuditEvent e, DeskDirectory.Names names) {
        return new HistoryEventView(e.id, e.seq, e.occurredAt, e.actor, e.action, status(e.fromStatus), status(e.toStatus),
                e.changes, e.hash, names.of(e.actor), AuditAction.labelOf(e.action));
    }

    private static TicketStatus status(String name) {
        return name == null ? null : TicketStatus.valueOf(name);
    }
}
