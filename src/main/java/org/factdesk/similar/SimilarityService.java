package org.factdesk.similar;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.factdesk.claim.Claim;
import org.factdesk.common.Problems;
import org.factdesk.publishing.FactCheckPage;

import java.time.Instant;
import java.util.List;

/**
 * Finds claims the desk already has and fact-checks other organisations published that say much
 * the same as a text, by trigram similarity in PostgreSQL (pg_trgm, GIN indexes on claim.text and
 * prior_review.claim_text). Discarded claims are left out: they were duplicates or not checkable.
 */
@ApplicationScoped
public class SimilarityService {

    /** {@code rating} and {@code publicPath} are set once the desk has published its fact-check. */
    public record SimilarClaim(long claimId, long ticketId, String status, String text, String claimant,
                               double similarity, String rating, String publicPath) {
    }

    public record SimilarReview(long id, String claimText, String claimant, String rating, String publisher,
                                String reviewUrl, Instant reviewedAt, double similarity) {
    }

    public record Matches(List<SimilarClaim> claims, List<SimilarReview> priorReviews) {
    }

    /** Claims of the desk most like :q; the benchmark runs these very statements. */
    static final String CLAIMS_SQL = """
            SELECT c.id, t.id AS ticket_id, t.status, c.text, c.claimant, similarity(c.text, :q) AS s,
                   v.headline, v.rating
            FROM claim c
            JOIN ticket t ON t.claim_id = c.id
            LEFT JOIN LATERAL (
                SELECT p.headline, r.label AS rating FROM verdict_version p LEFT JOIN rating r ON r.id = p.rating_id
                WHERE p.ticket_id = t.id AND p.state = 'PUBLISHED' AND t.status IN ('PUBLISHED', 'RETRACTED')
                ORDER BY p.number DESC LIMIT 1) v ON true
            WHERE c.text % :q AND t.status <> 'DISCARDED' AND c.id <> :exclude
            ORDER BY s DESC, c.id
            LIMIT :limit""";

    static final String REVIEWS_SQL = """
            SELECT id, claim_text, claimant, rating, publisher, review_url, reviewed_at, similarity(claim_text, :q) AS s
            FROM prior_review
            WHERE claim_text % :q
            ORDER BY s DESC, reviewed_at DESC NULLS LAST, id
            LIMIT :limit""";

    @ConfigProperty(name = "factdesk.intake.similarity-threshold", defaultValue = "0.3")
    double threshold;

    @Transactional
    public Matches forClaim(long claimId, int limit) {
        Claim claim = Claim.findById(claimId);
        if (claim == null) {
            throw Problems.notFound("Claim", claimId);
        }
        return find(claim.text, claimId, limit);
    }

    @Transactional
    public Matches find(String text, Long excludeClaimId, int limit) {
        EntityManager em = Panache.getEntityManager();
        // The % operator uses the GIN index with this threshold; set for this transaction only.
        em.createNativeQuery("SELECT set_config('pg_trgm.similarity_threshold', :t, true)")
                .setParameter("t", Double.toString(threshold)).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> claimRows = em.createNativeQuery(CLAIMS_SQL)
                .setParameter("q", text).setParameter("exclude", excludeClaimId == null ? -1L : excludeClaimId)
                .setParameter("limit", limit).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> reviewRows = em.createNativeQuery(REVIEWS_SQL)
                .setParameter("q", text).setParameter("limit", limit).getResultList();
        return new Matches(
                claimRows.stream().map(r -> new SimilarClaim(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        (String) r[2], (String) r[3], (String) r[4], round(r[5]), (String) r[7],
                        r[6] == null ? null : FactCheckPage.path(((Number) r[1]).longValue(), (String) r[6]))).toList(),
                reviewRows.stream().map(r -> new SimilarReview(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        (String) r[3], (String) r[4], (String) r[5], (Instant) r[6], round(r[7]))).toList());
    }

    private static double round(Object similarity) {
        return Math.round(((Number) similarity).doubleValue() * 1000) / 1000.0;
    }
}
