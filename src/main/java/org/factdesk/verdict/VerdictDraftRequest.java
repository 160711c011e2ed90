package org.factdesk.verdict;

import jakarta.validation.constraints.Size;

import java.util.List;

/** The assignee's draft. Fields may stay empty while drafting; submit requires them all. */
public record VerdictDraftRequest(
        Long ratingId,
        @Size(max = 300) String headline,
        @Size(max = 5000) String summary,
        @Size(max = 200000) String explanation,
        @Size(max = 200) List<Long> evidenceIds,
        @Size(max = 5000) String correctionNote,
        Long version) {
}
