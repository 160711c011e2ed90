package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.factdesk.audit.Commitments;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.meaning.SentenceEmbeddings;
import org.factdesk.similar.MeaningIndex;
import org.factdesk.similar.SimilarityService;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The one way a tip comes in, whatever its channel: it joins the group of tips that ask about the
 * same thing, by words or by meaning (or starts one, with the desk's closest claim as a suggestion), gets a receipt token,
 * and is stored in one transaction with what follows from it ({@link TipReceived}).
 */
@ApplicationScoped
public class TipIntake {

    /** A tip as stored, and the token that only its requester gets (the desk keeps its hash). */
    public record Receipt(long tipId, long groupId, String token, Instant receivedAt) {
    }

    /**
     * Serialises grouping across replicas (one transaction-scoped advisory lock), so that a rumour
     * arriving many times at once still forms one group, and so that groups' embeddings are written in
     * commit order (what {@link MeaningIndex} needs to miss none). Held for the match and the insert: a few
     * milliseconds.
     */
    private static final long GROUPING_LOCK = 0x7469_7073L; // "tips"

    /** Groups sharing words with a tip, the best first, considered beside those nearest in meaning. */
    static final int CANDIDATES = 5;

    /**
     * The candidate groups of a tip (:q): those sharing its words at least :threshold alike, and those nearest in
     * meaning (:ids), each with its text, its embedding, and its words' similarity when they share lexemes.
     */
    static final String GROUP_SQL = SimilarityService.WANTED + """
            , by_words AS (
                SELECT g.id FROM wanted, tip_group g
                WHERE g.search @@ wanted.query AND similarity(g.text, :q) >= :threshold
                ORDER BY similarity(g.text, :q) DESC, g.id LIMIT %d),
            candidates AS (SELECT id FROM by_words UNION SELECT unnest(string_to_array(:ids, ',')::bigint[]))
            SELECT g.id, g.text, g.embedding, CASE WHEN g.search @@ wanted.query THEN similarity(g.text, :q) END
            FROM wanted, candidates c JOIN tip_group g ON g.id = c.id""".formatted(CANDIDATES);

    @Inject
    FactdeskConfig config;

    @Inject
    SimilarityService similarity;

    @Inject
    MeaningIndex meaningIndex;

    @Inject
    Event<TipReceived> received;

    @Transactional
    public Receipt receive(TipInput input) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it: the receipt says what is stored
        // Read before the lock: its few milliseconds of embedding need not hold up other tips.
        SimilarityService.Reading reading = similarity.read(input.text());
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", GROUPING_LOCK)
                .getSingleResult();
        // Locked: an editor attaching or dismissing the group at the same time must not be overwritten.
        TipGroup group = matchingGroup(reading).map(id -> TipGroup.<TipGroup>findById(id, LockModeType.PESSIMISTIC_WRITE))
                .orElseGet(() -> newGroup(input, reading, now));
        group.tipCount++;
        group.lastAt = now;

        String token = ReceiptToken.newToken();
        Tip tip = new Tip();
        tip.groupId = group.id;
        tip.channel = input.channel();
        tip.text = input.text();
        tip.links = input.links().toArray(String[]::new);
        tip.language = input.language();
        tip.receivedAt = now;
        tip.tokenHash = ReceiptToken.hash(token);
        tip.consent = input.consent();
        tip.contact = input.contact();
        tip.contactSalt = Commitments.saltFor(null, input.contact());
        tip.embedding = reading.meaning() == null ? null : SentenceEmbeddings.toBytes(reading.meaning());
        tip.persist();
        received.fire(new TipReceived(tip, group, reading));
        return new Receipt(tip.id, group.id, token, now);
    }

    /** The group the tip joins ({@link TipGrouping}): the most alike of those sharing its words or nearest in meaning. */
    private Optional<Long> matchingGroup(SimilarityService.Reading reading) {
        float[] meaning = reading.meaning();
        String nearest = meaning == null ? "" : meaningIndex.tipGroups(meaning, CANDIDATES).stream()
                .map(hit -> Long.toString(hit.key())).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(GROUP_SQL).setParameter("q", reading.text())
                .setParameter("threshold", config.tips().groupThreshold()).setParameter("ids", nearest).getResultList();
        Long best = null;
        double bestScore = -1;
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            Double words = row[3] == null ? null : ((Number) row[3]).doubleValue();
            Double cosine = meaning == null || row[2] == null ? null
                    : SentenceEmbeddings.dot(meaning, SentenceEmbeddings.fromBytes((byte[]) row[2]));
            String text = (String) row[1];
            OptionalDouble strength = TipGrouping.strength(words, cosine, text, reading.text(), config.tips().groupThreshold());
            if (strength.isEmpty()) continue;
            double score = strength.getAsDouble();
            if (score > bestScore || score == bestScore && id < best) {
                best = id;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private TipGroup newGroup(TipInput input, SimilarityService.Reading reading, Instant now) {
        TipGroup group = new TipGroup();
        group.text = input.text();
        group.language = input.language();
        group.firstAt = now;
        group.lastAt = now;
        similarity.find(reading, null, 1).claims().stream().findFirst().ifPresent(closest -> {
            group.suggestedClaimId = closest.claimId();
            group.suggestedSimilarity = (float) closest.similarity();
        });
        if (reading.meaning() != null) {
            group.embedding = SentenceEmbeddings.toBytes(reading.meaning());
            group.embeddingSeq = ((Number) Panache.getEntityManager().createNativeQuery("SELECT nextval('meaning_seq')")
                    .getSingleResult()).longValue();
        }
        group.persist();
        return group;
    }
}
