package org.factdesk.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.Limits;
import java.util.List;

/**
 * {@code perArticle}: how many candidates the desk has intake propose per article (its setting); {@code scored}:
 * whether the article's language is one the check-worthiness model reads (English): if not, none is proposed.
 */
public record CandidatesView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long articleId,
                             @Schema(minimum = "0", maximum = "1") double threshold,
                             @Schema(minimum = "1", maximum = IntakeResource.MAX_CANDIDATES_TEXT) int perArticle,
                             boolean scored,
                             @Schema(maxItems = IntakeResource.MAX_CANDIDATES) List<CandidateView> items) {
}
