package org.factdesk.evidence;

import java.time.Instant;
import java.time.LocalDate;

public record EvidenceView(Long id, long ticketId, String url, String title, String excerpt,
                           Evidence.SourceKind sourceKind, Evidence.Stance stance, LocalDate accessedOn,
                           String archiveUrl, String createdBy, Instant createdAt, Instant updatedAt, long version) {

    static EvidenceView of(Evidence e) {
        return new EvidenceView(e.id, e.ticketId, e.url, e.title, e.excerpt, e.sourceKind, e.stance, e.accessedOn,
                e.archiveUrl, e.createdBy, e.createdAt, e.updatedAt, e.version);
    }
}
