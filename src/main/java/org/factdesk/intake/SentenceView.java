package org.factdesk.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.article.ArticleRequest;
import org.factdesk.common.Limits;
import org.factdesk.intake.text.SentenceSplitter;

import java.util.List;

/**
 * A sentence as clients see it; {@code claimIds} are the claims taken from it. Offsets are UTF-16 offsets into
 * the article's text; a sentence is at most {@link SentenceSplitter#MAX_SENTENCE_CHARS} long, and its claimant a
 * part of it. {@code dismissed}: an editor dismissed it as a candidate claim.
 */
public record SentenceView(@Schema(minimum = Limits.ZERO_TEXT, maximum = ArticleRequest.TEXT_MAX_TEXT) int position,
                           @Schema(minimum = Limits.ZERO_TEXT, maximum = ArticleRequest.TEXT_MAX_TEXT) int start,
                           @Schema(minimum = Limits.ZERO_TEXT, maximum = ArticleRequest.TEXT_MAX_TEXT) int end,
                           @Schema(maxLength = SentenceSplitter.MAX_SENTENCE_CHARS) String text,
                           @Schema(minimum = "0", maximum = "1") double score, boolean candidate, boolean dismissed,
                           @Schema(maxLength = SentenceSplitter.MAX_SENTENCE_CHARS) String claimant,
                           @Schema(maxItems = ArticleSentence.MAX_REASONS) List<ArticleSentence.Reason> reasons,
                           @Schema(maxItems = ArticleSentence.MAX_SIGNALS) List<ArticleSentence.Signal> signals,
                           @Schema(maxItems = MAX_CLAIMS) List<@Min(1) @Max(Limits.ID_MAX) Long> claimIds) {

    /** The claims a view names per sentence (the first ones, should a sentence have been taken very often). */
    public static final int MAX_CLAIMS = 100;
}
