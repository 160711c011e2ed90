package org.factdesk.priorreview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.factdesk.claim.ClaimRequest;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;

import java.time.Instant;

/** A fact-check published by another organisation, imported from its ClaimReview markup. */
@Entity
public class PriorReview extends PanacheEntityBase {

    /** The longest texts an imported review keeps (its views state them); URLs are at most {@link HttpUrl#MAX_LENGTH}. */
    public static final int CLAIM_TEXT_MAX = ClaimRequest.TEXT_MAX;
    public static final int CLAIMANT_MAX = 500;
    public static final int PUBLISHER_MAX = 500;
    public static final int RATING_MAX = 1000;
    public static final int LANGUAGE_MAX = Limits.LANGUAGE_TAG_MAX;

    /** Refuses a value longer than {@code max} (the reader turns this into the item's error). */
    static void requireWithin(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String reviewUrl;

    public String claimText;

    public String claimant;

    public Instant claimDate;

    public String appearanceUrl;

    public String publisher;

    public String publisherUrl;

    public String rating;

    public Double ratingValue;

    public Double bestRating;

    public Double worstRating;

    public Instant reviewedAt;

    /** The offset the publication time was written in ({@code +02:00}), null when none was given. */
    public String reviewedAtOffset;

    public String language;

    public String source;

    public Instant importedAt;

    public String importedBy;
}
