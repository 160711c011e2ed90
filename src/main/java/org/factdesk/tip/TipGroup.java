package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** Tips that ask about the same thing (migration V14); what the desk's tips inbox lists. */
@Entity
public class TipGroup extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** What the group asks about: its first tip's text. */
    public String text;

    public String language;

    public Instant firstAt;

    public Instant lastAt;

    public int tipCount;

    /** The claim the group was turned into or attached to; its tips point at it from then on. */
    public Long claimId;

    public Instant attachedAt;

    public String attachedBy;

    /** The desk's closest claim when the group began, a suggestion for the editor. */
    public Long suggestedClaimId;

    public Float suggestedSimilarity;

    /** Not taken up: the requesters' status pages say so. */
    public Instant dismissedAt;

    public String dismissedBy;

    /** What the group means: its first tip's embedding (V25), matched by later tips. */
    public byte[] embedding;

    /** Orders the embeddings' writes for every replica's index (written under the grouping lock). */
    public Long embeddingSeq;
}
