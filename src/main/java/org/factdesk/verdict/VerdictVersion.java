package org.factdesk.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/**
 * One version of a ticket's verdict. A ticket has at most one DRAFT; PUBLISHED versions are
 * numbered and never change again (a correction publishes a new number with a public note).
 */
@Entity
public class VerdictVersion extends PanacheEntityBase {

    public enum State { DRAFT, PUBLISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long ticketId;

    @Enumerated(EnumType.STRING)
    public State state;

    public Integer number;

    public Long ratingId;

    public String headline;

    public String summary;

    public String explanation;

    public Long[] evidenceIds = new Long[0];

    public String correctionNote;

    /** The cited evidence as it stood at publication, so that a published version never changes. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode sources;

    /** The claim as it was reviewed and published with this version: text, claimant, language, topics, appearances. */
    public String claimText;

    public String claimant;

    public String claimLanguage;

    public String[] claimTopics;

    /** {@code [{url, appearedAt}]}: the claim's reviewed appearances at publication. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode appearances;

    public Instant publishedAt;

    public String publishedBy;

    public Instant updatedAt;

    @Version
    public long version;

    /** A new, unstored version of the same ticket with what its authors wrote: rating, texts and the evidence it cites. */
    VerdictVersion authoredCopy() {
        VerdictVersion copy = new VerdictVersion();
        copy.ticketId = ticketId;
        copy.ratingId = ratingId;
        copy.headline = headline;
        copy.summary = summary;
        copy.explanation = explanation;
        copy.evidenceIds = evidenceIds.clone();
        return copy;
    }

    public static VerdictVersion draftOf(long ticketId) {
        return find("ticketId = ?1 and state = ?2", ticketId, State.DRAFT).firstResult();
    }

    public static VerdictVersion latestPublishedOf(long ticketId) {
        return find("ticketId = ?1 and state = ?2 order by number desc", ticketId, State.PUBLISHED).firstResult();
    }

    public static List<VerdictVersion> publishedOf(long ticketId) {
        return list("ticketId = ?1 and state = ?2 order by number", ticketId, State.PUBLISHED);
    }
}
