package org.factdesk.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;
import org.factdesk.people.DeskDirectory;
import org.factdesk.ticket.Ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A verdict version; {@code sources} is a published version's snapshot of the evidence it cites (one object each);
 * {@code publishedByName} is null when the desk directory does not know who published it. */
public record VerdictView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                          VerdictVersion.State state,
                          @Schema(minimum = "1", maximum = Ticket.MAX_PUBLISHED_VERSIONS_TEXT) Integer number,
                          @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long ratingId,
                          @Schema(maxLength = VerdictDraftRequest.HEADLINE_MAX) String headline,
                          @Schema(maxLength = VerdictDraftRequest.SUMMARY_MAX) String summary,
                          @Schema(maxLength = VerdictDraftRequest.EXPLANATION_MAX) String explanation,
                          @Schema(maxItems = VerdictDraftRequest.EVIDENCE_IDS_MAX)
                          List<@Min(1) @Max(Limits.ID_MAX) Long> evidenceIds,
                          @Schema(maxLength = VerdictDraftRequest.CORRECTION_NOTE_MAX) String correctionNote,
                          @Schema(maxItems = VerdictDraftRequest.EVIDENCE_IDS_MAX) List<Object> sources,
                          Instant publishedAt, @Schema(maxLength = Limits.SUBJECT_MAX) String publishedBy, Instant updatedAt,
                          @Schema(minimum = Limits.ZERO_TEXT, maximum = Limits.COUNT_MAX_TEXT) long version,
                          @Schema(maxLength = DeskDirectory.NAME_MAX) String publishedByName) {

    static VerdictView of(VerdictVersion v, DeskDirectory.Names names) {
        return new VerdictView(v.id, v.state, v.number, v.ratingId, v.headline, v.summary, v.explanation,
                List.of(v.evidenceIds), v.correctionNote, sources(v.sources), v.publishedAt, v.publishedBy, v.updatedAt,
                v.version, names.of(v.publishedBy));
    }

    /** The published snapshot's evidence objects (JSON nodes, written as they are). */
    private static List<Object> sources(JsonNode sources) {
        if (sources == null) {
            return null;
        }
        List<Object> objects = new ArrayList<>();
        sources.forEach(objects::add);
        return objects;
    }

    /** The draft being worked on, if any, and every published version, oldest first. */
    public record Overview(VerdictView draft,
                           @Schema(maxItems = Ticket.MAX_PUBLISHED_VERSIONS) List<VerdictView> published) {
    }
}
