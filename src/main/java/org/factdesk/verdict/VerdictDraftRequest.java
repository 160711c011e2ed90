package org.factdesk.verdict;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.factdesk.common.Limits;

import java.util.List;

/** The assignee's draft. Fields may stay empty while drafting; submit requires them all. */
public record VerdictDraftRequest(
        @Min(1) @Max(Limits.ID_MAX) Long ratingId,
        @Size(max = HEADLINE_MAX) String headline,
        @Size(max = SUMMARY_MAX) String summary,
        @Size(max = EXPLANATION_MAX) String explanation,
        @Size(max = EVIDENCE_IDS_MAX) List<@Min(1) @Max(Limits.ID_MAX) Long> evidenceIds,
        @Size(max = CORRECTION_NOTE_MAX) String correctionNote,
        @PositiveOrZero @Max(Limits.COUNT_MAX) Long version) {

    public static final int HEADLINE_MAX = 300;
    public static final int SUMMARY_MAX = 5000;
    public static final int EXPLANATION_MAX = 200_000;
    public static final int EVIDENCE_IDS_MAX = 200;
    public static final int CORRECTION_NOTE_MAX = 5000;
}
