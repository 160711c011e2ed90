package org.factdesk.intake;

import org.factdesk.similar.SimilarityService;

/** A candidate with the desk's similar claims and other fact-checkers' prior verdicts. */
public record CandidateView(SentenceView sentence, SimilarityService.Matches similar) {
}
