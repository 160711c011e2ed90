package org.factdesk.claim;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import org.factdesk.article.Article;
import org.factdesk.audit.Commitments;
import org.hibernate.annotations.Formula;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One checkable statement. Its ticket is the fact-check of it. */
@Entity
public class Claim extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String text;

    public String claimant;

    /** Salt of the claimant's commitments in audit events: made when a claimant is first set, deleted by erasure. */
    public byte[] claimantSalt;

    /** When a claimant of this claim was last erased; null if never. */
    @Formula("last_erasure('claimant', id)")
    public Instant claimantErasedAt;

    public String language;

    public String[] topics = new String[0];

    @Enumerated(EnumType.STRING)
    public Priority priority;

    public int priorityRank;

    public Instant deadline;

    @ManyToOne(fetch = FetchType.LAZY)
    public Article article;

    /** Where in the article's text the claim was found (UTF-16 offsets, end exclusive). */
    public Integer sourceStart;

    public Integer sourceEnd;

    public Long duplicateOf;

    @OneToMany(mappedBy = "claim", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<ClaimAppearance> appearances = new ArrayList<>();

    /** The most appearances one claim keeps (reviewed and found later together); more are a 409. */
    public static final int MAX_APPEARANCES = 100;

    public Instant createdAt;

    public String createdBy;

    public Instant updatedAt;

    @Version
    public long version;

    /** The appearances that are part of the reviewed content. */
    public List<ClaimAppearance> reviewedAppearances() {
        return appearances.stream().filter(a -> !a.foundLater).toList();
    }

    /** Appearances found while the content was frozen join it; answers their URLs. */
    public List<String> joinLaterAppearances() {
        List<String> joined = new ArrayList<>();
        for (ClaimAppearance appearance : appearances) {
            if (appearance.foundLater) {
                appearance.foundLater = false;
                joined.add(appearance.url);
            }
        }
        return joined;
    }

    /** The salt that commits {@code claimant} (the claim's own; made now if it has none yet). */
    public byte[] claimantSaltFor(String claimant) {
        claimantSalt = Commitments.saltFor(claimantSalt, claimant);
        return claimantSalt;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
        this.priorityRank = priority.rank();
    }
}
