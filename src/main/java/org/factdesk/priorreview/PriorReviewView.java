package org.factdesk.priorreview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;

import java.time.Instant;

/**
 * An imported prior review; bounds as the import keeps them ({@link PriorReview}). {@code reviewedAt} is the
 * moment of publication; {@code reviewedAtOffset} the offset the fact-checker wrote it in ({@code +02:00}), null
 * when it wrote none; {@code language} the language the markup or its page declared.
 */
public record PriorReviewView(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) Long id,
                              @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String reviewUrl,
                              @Schema(maxLength = PriorReview.CLAIM_TEXT_MAX) String claimText,
                              @Schema(maxLength = PriorReview.CLAIMANT_MAX) String claimant, Instant claimDate,
                              @Schema(maxLength = HttpUrl.MAX_LENGTH) String appearanceUrl,
                              @Schema(maxLength = PriorReview.PUBLISHER_MAX) String publisher,
                              @Schema(maxLength = HttpUrl.MAX_LENGTH) String publisherUrl,
                              @Schema(maxLength = PriorReview.RATING_MAX) String rating,
                              Double ratingValue, Double bestRating, Double worstRating, Instant reviewedAt,
                              @Schema(maxLength = 6, pattern = "[+-]\\d{2}:\\d{2}") String reviewedAtOffset,
                              @Schema(maxLength = PriorReview.LANGUAGE_MAX) String language,
                              @Schema(maxLength = HttpUrl.MAX_LENGTH) String source, Instant importedAt,
                              @Schema(maxLength = Limits.SUBJECT_MAX) String importedBy) {

    public static PriorReviewView of(PriorReview r) {
        return new PriorReviewView(r.id, r.reviewUrl, r.claimText, r.claimant, r.claimDate, r.appearanceUrl,
                r.publisher, r.publisherUrl, r.rating, r.ratingValue, r.bestRating, r.worstRating, r.reviewedAt,
                r.reviewedAtOffset, r.language, r.source, r.importedAt, r.importedBy);
    }
}
