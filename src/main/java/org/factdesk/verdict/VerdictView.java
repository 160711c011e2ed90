package org.factdesk.verdict;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

public record VerdictView(Long id, String state, Integer number, Long ratingId, String headline, String summary,
                          String explanation, List<Long> evidenceIds, String correctionNote, JsonNode sources,
                          Instant publishedAt, String publishedBy, Instant updatedAt, long version) {

    static VerdictView of(VerdictVersion v) {
        return new VerdictView(v.id, v.state.name(), v.number, v.ratingId, v.headline, v.summary, v.explanation,
                List.of(v.evidenceIds), v.correctionNote, v.sources, v.publishedAt, v.publishedBy, v.updatedAt,
                v.version);
    }

    /** The draft being worked on, if any, and every published version, oldest first. */
    public record Overview(VerdictView draft, List<VerdictView> published) {
    }
}
