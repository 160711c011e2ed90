package org.factdesk.evidence;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;
import org.factdesk.people.DeskDirectory;

import java.time.Instant;
import java.time.LocalDate;

/** {@code createdByName} is null when the desk directory does not know who added it. */
public record EvidenceView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                           @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long ticketId,
                           @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String url,
                           @Schema(maxLength = EvidenceRequest.TITLE_MAX) String title,
                           @Schema(maxLength = EvidenceRequest.EXCERPT_MAX) String excerpt,
                           Evidence.SourceKind sourceKind, Evidence.Stance stance, LocalDate accessedOn,
                           @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String archiveUrl,
                           @Schema(maxLength = Limits.SUBJECT_MAX) String createdBy, Instant createdAt, Instant updatedAt,
                           @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long version,
                           @Schema(maxLength = DeskDirectory.NAME_MAX) String createdByName) {

    static EvidenceView of(Evidence e, DeskDirectory.Names names) {
        return new EvidenceView(e.id, e.ticketId, e.url, e.title, e.excerpt, e.sourceKind, e.stance, e.accessedOn,
                e.archiveUrl, e.createdBy, e.createdAt, e.updatedAt, e.version, names.of(e.createdBy));
    }
}
