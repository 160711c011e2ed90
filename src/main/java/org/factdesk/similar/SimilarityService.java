package org.factdesk.similar;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import org.factdesk.claim.Claim;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.claim.ClaimRequest;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;
import org.factdesk.common.Problems;
import org.factdesk.priorreview.PriorReview;
import org.factdesk.rating.RatingScaleResource;
import org.factdesk.ticket.TicketStatus;
import org.factdesk.publishing.FactCheckPage;

import java.time.Instant;
import java.util.List;

/**
 * Finds claims the desk already has and fact-checks other organisations published that say much
 * the same as a text, in PostgreSQL: candidates share words with it (full-text GIN indexes), and
 * pg_trgm's similarity in [0, 1] ranks them and sets the bar. Discarded claims are left out: they
 * were duplicates or not checkable.
 */
@ApplicationScoped
public class SimilarityService {

    /** The most matches of each kind one answer carries ({@code ?limit=}). */
    public static final int MAX_LIMIT = 50;

    /** {@code rating} and {@code publicPath} are set once the desk has published its fact-check. */
    public record SimilarClaim(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long claimId,
                               @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long ticketId,
                               TicketStatus status,
                               @Schema(maxLength = ClaimRequest.TEXT_MAX) String text,
                               @Schema(maxLength = ClaimRequest.CLAIMANT_MAX) String claimant,
                               @Schema(minimum = "0", maximum = "1") double similarity,
                               @Schema(maxLength = RatingScaleResource.LABEL_MAX) String rating,
                               @Schema(maxLength = FactCheckPage.PATH_MAX) String publicPath) {
    }

    public record SimilarReview(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long id,
                                @Schema(maxLength = PriorReview.CLAIM_TEXT_MAX) String claimText,
                                @Schema(maxLength = PriorReview.CLAIMANT_MAX) String claimant,
                                @Schema(maxLength = PriorReview.RATING_MAX) String rating,
                                @Schema(maxLength = PriorReview.PUBLISHER_MAX) String publisher,
                                @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String reviewUrl,
                                Instant reviewedAt, @Schema(minimum = "0", maximum = "1") double similarity) {
    }

    public record Matches(@Schema(maxItems = MAX_LIMIT) List<SimilarClaim> claims,
                          @Schema(maxItems = MAX_LIMIT) List<SimilarReview> priorReviews) {
    }

    /**
     * The words a match must share with :q: any two of its ten longest lexemes (longer words are
     * rarer), or its only one. Selective even when common words are involved, unlike a trigram
     * filter over whole sentences, which lets most rows through to the similarity check (~0.5 s at
     * 100,000 claims); more lexemes make the index query itself slow (276 pairs for 24: ~0.3 s).
     * Other features that match texts by words (tips joining their group) start from it too.
     */
    public static final String WANTED = """
            WITH terms AS (SELECT lexeme FROM unnest(to_tsvector('english', :q)) ORDER BY length(lexeme) DESC, lexeme LIMIT 10),
            wanted AS (SELECT to_tsquery('simple', coalesce(
                (SELECT string_agg(quote_literal(a.lexeme) || ' & ' || quote_literal(b.lexeme), ' | ')
                 FROM terms a JOIN terms b ON a.lexeme < b.lexeme),
                (SELECT string_agg(quote_literal(lexeme), ' | ') FROM terms))) AS query)
            """;

    /** Claims of the desk most like :q; the benchmark runs these very statements. */
    static final String CLAIMS_SQL = WANTED + """
            SELECT c.id, t.id AS ticket_id, t.status, c.text, c.claimant, similarity(c.text, :q) AS s,
                   v.headline, v.rating
            FROM wanted, claim c
            JOIN ticket t ON t.claim_id = c.id
            LEFT JOIN LATERAL (
                SELECT p.headline, r.label AS rating FROM verdict_version p LEFT JOIN rating r ON r.id = p.rating_id
                WHERE p.ticket_id = t.id AND p.state = 'PUBLISHED' AND t.status IN ('PUBLISHED', 'RETRACTED')
                ORDER BY p.number DESC LIMIT 1) v ON true
            WHERE c.search @@ wanted.query AND similarity(c.text, :q) >= :threshold
              AND t.status <> 'DISCARDED' AND c.id <> :exclude
            ORDER BY s DESC, c.id
            LIMIT :limit""";

    static final String REVIEWS_SQL = WANTED + """
            SELECT r.id, r.claim_text, r.claimant, r.rating, r.publisher, r.review_url, r.reviewed_at,
                   similarity(r.claim_text, :q) AS s
            FROM wanted, prior_review r
            WHERE r.search @@ wanted.query AND similarity(r.claim_text, :q) >= :threshold
            ORDER BY s DESC, r.reviewed_at DESC NULLS LAST, r.id
            LIMIT :limit""";

    @Inject
    FactdeskConfig config;

    @Transactional
    public Matches forClaim(long claimId, int limit) {
        Claim claim = Claim.<Claim>findByIdOptional(claimId).orElseThrow(() -> Problems.notFound("Claim", claimId));
        return find(claim.text, claimId, limit);
    }

    @Transactional
    public Matches find(String text, Long excludeClaimId, int limit) {
        EntityManager em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> claimRows = em.createNativeQuery(CLAIMS_SQL)
                .setParameter("q", text).setParameter("threshold", config.intake().similarityThreshold())
                .setParameter("exclude", excludeClaimId == null ? -1L : excludeClaimId)
                .setParameter("limit", limit).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> reviewRows = em.createNativeQuery(REVIEWS_SQL)
                .setParameter("q", text).setParameter("threshold", config.intake().similarityThreshold()).setParameter("limit", limit).getResultList();
        return new Matches(
                claimRows.stream().map(r -> new SimilarClaim(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        TicketStatus.valueOf((String) r[2]), (String) r[3], (String) r[4], round(r[5]), (String) r[7],
                        r[6] == null ? null : FactCheckPage.path(((Number) r[1]).longValue(), (String) r[6]))).toList(),
                reviewRows.stream().map(r -> new SimilarReview(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        (String) r[3], (String) r[4], (String) r[5], (Instant) r[6], round(r[7]))).toList());
    }

    private static double round(Object similarity) {
        return Math.round(((Number) similarity).doubleValue() * 1000) / 1000.0;
    }
}
