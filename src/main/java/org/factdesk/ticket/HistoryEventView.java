package org.factdesk.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.audit.AuditEvent;

import java.time.Instant;

public record HistoryEventView(Long id, int seq, Instant occurredAt, String actor, String action, String fromStatus,
                               String toStatus, JsonNode changes, String hash) {

    static HistoryEventView of(AuditEvent e) {
        return new HistoryEventView(e.id, e.seq, e.occurredAt, e.actor, e.action, e.fromStatus, e.toStatus, e.changes,
                e.hash);
    }
}
