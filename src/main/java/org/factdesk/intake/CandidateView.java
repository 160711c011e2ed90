package org.factdesk.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.similar.Precedent;
import org.factdesk.similar.SimilarityService;

import java.util.List;

/**
 * A candidate with the desk's similar claims and other fact-checkers' prior verdicts, and the desk's past
 * decisions on candidates most like it (accepted or dismissed, in other articles): reasons from its own record.
 */
public record CandidateView(SentenceView sentence, SimilarityService.Matches similar,
                            @Schema(maxItems = Precedent.MAX) List<Precedent> precedents) {
}
