package org.factdesk.priorreview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A fact-check published by another organisation, imported from its ClaimReview markup. */
@Entity
@Table(name = "prior_review")
public class PriorReview extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "review_url")
    public String reviewUrl;

    @Column(name = "claim_text")
    public String claimText;

    public String claimant;

    @Column(name = "claim_date")
    public Instant claimDate;

    @Column(name = "appearance_url")
    public String appearanceUrl;

    public String publisher;

    @Column(name = "publisher_url")
    public String publisherUrl;

    public String rating;

    @Column(name = "rating_value")
    public Double ratingValue;

    @Column(name = "best_rating")
    public Double bestRating;

    @Column(name = "worst_rating")
    public Double worstRating;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    /** The offset the publication time was written in ({@code +02:00}), null when none was given. */
    @Column(name = "reviewed_at_offset")
    public String reviewedAtOffset;

    public String language;

    public String source;

    @Column(name = "imported_at")
    public Instant importedAt;

    @Column(name = "imported_by")
    public String importedBy;
}
