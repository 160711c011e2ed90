package org.factdesk.intake;

import java.util.List;

/** A sentence as clients see it; {@code claimIds} are the claims taken from it. */
public record SentenceView(int position, int start, int end, String text, double score, boolean candidate,
                           String claimant, List<ArticleSentence.Reason> reasons,
                           List<ArticleSentence.Signal> signals, List<Long> claimIds) {
}
