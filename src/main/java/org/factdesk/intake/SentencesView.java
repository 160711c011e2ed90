package org.factdesk.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.article.ArticleRequest;
import org.factdesk.common.Limits;
import java.util.List;

/**
 * Every sentence of the article (there are no more sentences than characters); {@code candidate} marks the
 * {@code perArticle} best-ranked ones at or above the threshold; {@code scored}: whether the article's language is
 * one the check-worthiness model reads (English).
 */
public record SentencesView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long articleId,
                            @Schema(minimum = "0", maximum = "1") double threshold,
                            @Schema(minimum = "1", maximum = IntakeResource.MAX_CANDIDATES_TEXT) int perArticle,
                            boolean scored,
                            @Schema(maxItems = ArticleRequest.TEXT_MAX) List<SentenceView> items) {
}
