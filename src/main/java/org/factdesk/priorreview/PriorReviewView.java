package org.factdesk.priorreview;

import java.time.Instant;

/**
 * An imported prior review. {@code reviewedAt} is the moment of publication; {@code reviewedAtOffset}
 * the offset the fact-checker wrote it in ({@code +02:00}), null when it wrote none; {@code language}
 * the language the markup or its page declared.
 */
public record PriorReviewView(Long id, String reviewUrl, String claimText, String claimant, Instant claimDate,
                              String appearanceUrl, String publisher, String publisherUrl, String rating,
                              Double ratingValue, Double bestRating, Double worstRating, Instant reviewedAt,
                              String reviewedAtOffset, String language, String source, Instant importedAt,
                              String importedBy) {

    public static PriorReviewView of(PriorReview r) {
        return new PriorReviewView(r.id, r.reviewUrl, r.claimText, r.claimant, r.claimDate, r.appearanceUrl,
                r.publisher, r.publisherUrl, r.rating, r.ratingValue, r.bestRating, r.worstRating, r.reviewedAt,
                r.reviewedAtOffset, r.language, r.source, r.importedAt, r.importedBy);
    }
}
