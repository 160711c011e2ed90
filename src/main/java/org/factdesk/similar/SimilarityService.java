package org.factdesk.similar;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
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

import jakarta.persistence.Query;
import jakarta.validation.constraints.Size;
import org.factdesk.language.LanguageDetection;
import org.factdesk.meaning.SentenceEmbeddings;
import org.factdesk.meaning.VectorIndex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Finds claims the desk already has and fact-checks other organisations published that say the same as a
 * text, by meaning and by words. Candidates come from both: the nearest by meaning in this replica's
 * {@link MeaningIndex} (exact search over every stored embedding), and those sharing words with the text in
 * PostgreSQL (full-text GIN indexes, pg_trgm's similarity at least {@code factdesk.intake.similarity-threshold}).
 * Each candidate with an embedding is then judged by {@link ClaimMatch} (meaning and numbers) from its stored
 * row, and listed with the match score and its reasons when it counts as the same claim; one without an
 * embedding yet (it gets one within seconds) is judged by its words alone, as before. Discarded claims are
 * left out: they were duplicates or not checkable.
 */
@ApplicationScoped
public class SimilarityService {

    /** The most matches of each kind one answer carries ({@code ?limit=}). */
    public static final int MAX_LIMIT = 50;

    /** The most reasons a match gives (meaning, words, numbers). */
    public static final int MAX_REASONS = 3;
    public static final int REASON_MAX = 64;

    /**
     * {@code rating} and {@code publicPath} are set once the desk has published its fact-check. {@code similarity}
     * is the match score ({@link ClaimMatch}) when {@code meaning} is known, else the words' trigram similarity.
     */
    public record SimilarClaim(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long claimId,
                               @Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long ticketId,
                               TicketStatus status,
                               @Schema(maxLength = ClaimRequest.TEXT_MAX) String text,
                               @Schema(maxLength = ClaimRequest.CLAIMANT_MAX) String claimant,
                               @Schema(minimum = "0", maximum = "1") double similarity,
                               @Schema(minimum = "-1", maximum = "1") Double meaning,
                               @Schema(minimum = "0", maximum = "1") double words,
                               @Schema(maxItems = MAX_REASONS) List<@Size(max = REASON_MAX) String> reasons,
                               @Schema(maxLength = RatingScaleResource.LABEL_MAX) String rating,
                               @Schema(maxLength = FactCheckPage.PATH_MAX) String publicPath) {
    }

    public record SimilarReview(@Schema(minimum = Limits.ID_MIN_TEXT, maximum = Limits.ID_MAX_TEXT) long id,
                                @Schema(maxLength = PriorReview.CLAIM_TEXT_MAX) String claimText,
                                @Schema(maxLength = PriorReview.CLAIMANT_MAX) String claimant,
                                @Schema(maxLength = PriorReview.RATING_MAX) String rating,
                                @Schema(maxLength = PriorReview.PUBLISHER_MAX) String publisher,
                                @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String reviewUrl,
                                Instant reviewedAt, @Schema(minimum = "0", maximum = "1") double similarity,
                                @Schema(minimum = "-1", maximum = "1") Double meaning,
                                @Schema(minimum = "0", maximum = "1") double words,
                                @Schema(maxItems = MAX_REASONS) List<@Size(max = REASON_MAX) String> reasons) {
    }

    public record Matches(@Schema(maxItems = MAX_LIMIT) List<SimilarClaim> claims,
                          @Schema(maxItems = MAX_LIMIT) List<SimilarReview> priorReviews) {
    }

    /**
     * A text as the searches read it: its detected language (null: not clear), and its meaning when the model
     * reads that language (null otherwise). Read once and passed on, each costs a few milliseconds.
     */
    public record Reading(String text, String language, float[] meaning) {
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

    /** A claim as a match: its ticket, its published rating if any, its words' similarity to :q and its embedding. */
    private static final String CLAIM_MATCH = """
            SELECT c.id, t.id AS ticket_id, t.status, c.text, c.claimant, similarity(c.text, :q) AS s,
                   v.headline, v.rating, c.embedding
            FROM %s claim c
            JOIN ticket t ON t.claim_id = c.id
            LEFT JOIN LATERAL (
                SELECT p.headline, r.label AS rating FROM verdict_version p LEFT JOIN rating r ON r.id = p.rating_id
                WHERE p.ticket_id = t.id AND p.state = 'PUBLISHED' AND t.status IN ('PUBLISHED', 'RETRACTED')
                ORDER BY p.number DESC LIMIT 1) v ON true
            """;

    /** Claims of the desk sharing words with :q; the benchmark runs these very statements. */
    static final String CLAIMS_SQL = WANTED + CLAIM_MATCH.formatted("wanted,") + """
            WHERE c.search @@ wanted.query AND similarity(c.text, :q) >= :threshold
              AND t.status <> 'DISCARDED' AND c.id <> :exclude
            ORDER BY s DESC, c.id
            LIMIT :limit""";

    /** The claims nearest in meaning (:ids, comma-separated). */
    static final String CLAIMS_BY_ID_SQL = CLAIM_MATCH.formatted("") + """
            WHERE c.id = ANY(string_to_array(:ids, ',')::bigint[]) AND t.status <> 'DISCARDED' AND c.id <> :exclude""";

    private static final String REVIEW_MATCH = """
            SELECT r.id, r.claim_text, r.claimant, r.rating, r.publisher, r.review_url, r.reviewed_at,
                   similarity(r.claim_text, :q) AS s, r.embedding
            FROM %s prior_review r
            """;

    static final String REVIEWS_SQL = WANTED + REVIEW_MATCH.formatted("wanted,") + """
            WHERE r.search @@ wanted.query AND similarity(r.claim_text, :q) >= :threshold
            ORDER BY s DESC, r.reviewed_at DESC NULLS LAST, r.id
            LIMIT :limit""";

    static final String REVIEWS_BY_ID_SQL = REVIEW_MATCH.formatted("") + """
            WHERE r.id = ANY(string_to_array(:ids, ',')::bigint[])""";

    @Inject
    FactdeskConfig config;

    @Inject
    MeaningIndex meaningIndex;

    @Inject
    LanguageDetection languages;

    @Transactional
    public Matches forClaim(long claimId, int limit) {
        Claim claim = Claim.<Claim>findByIdOptional(claimId).orElseThrow(() -> Problems.notFound("Claim", claimId));
        return find(claim.text, claimId, limit);
    }

    /** The embedding model reads English: a text detected in another language is matched by its words only. */
    public Reading read(String text) {
        String language = languages.detect(text).orElse(null);
        return new Reading(text, language, LanguageDetection.modelsRead(language) ? SentenceEmbeddings.embed(text) : null);
    }

    @Transactional
    public Matches find(String text, Long excludeClaimId, int limit) {
        return find(read(text), excludeClaimId, limit);
    }

    @Transactional
    public Matches find(Reading reading, Long excludeClaimId, int limit) {
        String text = reading.text(), language = reading.language();
        float[] meaning = reading.meaning();
        long exclude = excludeClaimId == null ? -1L : excludeClaimId;
        List<Object[]> claimRows = new ArrayList<>(rows(CLAIMS_SQL, text, limit).setParameter("exclude", exclude).getResultList());
        List<Object[]> reviewRows = new ArrayList<>(rows(REVIEWS_SQL, text, limit).getResultList());
        if (meaning != null) {
            claimRows.addAll(byId(CLAIMS_BY_ID_SQL, text, meaningIndex.claims(meaning, limit)).setParameter("exclude", exclude).getResultList());
            reviewRows.addAll(byId(REVIEWS_BY_ID_SQL, text, meaningIndex.reviews(meaning, limit)).getResultList());
        }
        String unread = meaning != null ? "meaning not yet read" : "meaning not read: the text is in " + language;
        return new Matches(
                judged(claimRows, 5, 3, 8, text, meaning, unread, limit, (r, m) -> new SimilarClaim(((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(), TicketStatus.valueOf((String) r[2]), (String) r[3], (String) r[4],
                        m.similarity(), m.meaning(), m.words(), m.reasons(), (String) r[7],
                        r[6] == null ? null : FactCheckPage.path(((Number) r[1]).longValue(), (String) r[6]))),
                judged(reviewRows, 7, 1, 8, text, meaning, unread, limit, (r, m) -> new SimilarReview(((Number) r[0]).longValue(),
                        (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (Instant) r[6],
                        m.similarity(), m.meaning(), m.words(), m.reasons())));
    }

    /**
     * The desk's past decisions most like a candidate sentence: claims it took from other articles and candidates
     * it dismissed there, at least {@link Precedent#MIN_MEANING} close in meaning (none for text the model does
     * not read), the closest {@link Precedent#MAX} first.
     */
    @Transactional
    public List<Precedent> precedents(Reading reading, long articleId) {
        float[] meaning = reading.meaning();
        if (meaning == null) {
            return List.of();
        }
        List<Precedent> found = new ArrayList<>();
        String accepted = ids(meaningIndex.accepted(meaning, 2 * Precedent.MAX));
        String dismissed = ids(meaningIndex.dismissed(meaning, 2 * Precedent.MAX));
        for (var decision : List.of(Precedent.Decision.ACCEPTED, Precedent.Decision.DISMISSED)) {
            boolean claims = decision == Precedent.Decision.ACCEPTED;
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Panache.getEntityManager().createNativeQuery(claims
                            ? "SELECT id, text, article_id, embedding FROM claim WHERE id = ANY(string_to_array(:ids, ',')::bigint[])"
                            + " AND embedding IS NOT NULL AND article_id <> :article"
                            : "SELECT id, text, article_id, embedding FROM article_sentence WHERE id = ANY(string_to_array(:ids, ',')::bigint[])"
                            + " AND dismissed_at IS NOT NULL AND embedding IS NOT NULL AND article_id <> :article")
                    .setParameter("ids", claims ? accepted : dismissed).setParameter("article", articleId).getResultList();
            for (Object[] row : rows) {
                double cosine = SentenceEmbeddings.dot(meaning, SentenceEmbeddings.fromBytes((byte[]) row[3]));
                if (cosine >= Precedent.MIN_MEANING) {
                    found.add(new Precedent(decision, (String) row[1], claims ? ((Number) row[0]).longValue() : null,
                            ((Number) row[2]).longValue(), round(cosine)));
                }
            }
        }
        return found.stream().sorted(Comparator.comparingDouble(Precedent::meaning).reversed()).limit(Precedent.MAX).toList();
    }

    private Query rows(String sql, String text, int limit) {
        return Panache.getEntityManager().createNativeQuery(sql).setParameter("q", text)
                .setParameter("threshold", config.intake().similarityThreshold()).setParameter("limit", limit);
    }

    private static Query byId(String sql, String text, List<VectorIndex.Hit> hits) {
        return Panache.getEntityManager().createNativeQuery(sql).setParameter("q", text)
                .setParameter("ids", ids(hits));
    }

    /** Hits as the statements' {@code :ids} parameter: comma-separated keys. */
    private static String ids(List<VectorIndex.Hit> hits) {
        return hits.stream().map(hit -> Long.toString(hit.key())).collect(Collectors.joining(","));
    }

    /** How a candidate was judged: its score for the list, the figures behind it and the reasons. */
    private record Judged(double similarity, Double meaning, double words, List<String> reasons) {
    }

    /**
     * Every candidate row once (both searches may bring it), judged from its stored row: by {@link ClaimMatch}
     * when it has an embedding, else by its words against the configured floor; the same claims best first.
     */
    private <T> List<T> judged(List<Object[]> rows, int wordsColumn, int textColumn, int embeddingColumn, String text,
                               float[] meaning, String unread, int limit, BiFunction<Object[], Judged, T> view) {
        record Candidate(Object[] row, Judged judged) {
        }
        Map<Long, Candidate> kept = new LinkedHashMap<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            if (kept.containsKey(id)) continue;
            double words = round(row[wordsColumn]);
            Judged judged;
            if (meaning != null && row[embeddingColumn] != null) {
                ClaimMatch match = ClaimMatch.of(SentenceEmbeddings.dot(meaning,
                        SentenceEmbeddings.fromBytes((byte[]) row[embeddingColumn])), words, (String) row[textColumn], text);
                if (!match.same()) continue;
                judged = new Judged(round(match.score()), round(match.meaning()), words, match.reasons());
            } else {
                if (words < config.intake().similarityThreshold()) continue;
                judged = new Judged(words, null, words, List.of(String.format(Locale.ROOT, "Shared words (%.2f); %s", words, unread)));
            }
            kept.put(id, new Candidate(row, judged));
        }
        return kept.values().stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> -c.judged().similarity()).thenComparingLong(c -> ((Number) c.row()[0]).longValue()))
                .limit(limit).map(c -> view.apply(c.row(), c.judged())).toList();
    }

    private static double round(Object similarity) {
        return Math.round(((Number) similarity).doubleValue() * 1000) / 1000.0;
    }
}
