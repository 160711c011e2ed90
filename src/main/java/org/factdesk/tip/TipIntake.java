package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.factdesk.audit.Commitments;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.similar.SimilarityService;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The one way a tip comes in, whatever its channel: it joins the group of tips that ask about the
 * same thing (or starts one, with the desk's closest claim as a suggestion), gets a receipt token,
 * and is stored in one transaction with what follows from it ({@link TipReceived}).
 */
@ApplicationScoped
public class TipIntake {

    /** A tip as stored, and the token that only its requester gets (the desk keeps its hash). */
    public record Receipt(long tipId, long groupId, String token, Instant receivedAt) {
    }

    /**
     * Serialises grouping across replicas (one transaction-scoped advisory lock), so that a rumour
     * arriving many times at once still forms one group. Held for the match and the insert: a few
     * milliseconds.
     */
    private static final long GROUPING_LOCK = 0x7469_7073L; // "tips"

    static final String GROUP_SQL = SimilarityService.WANTED + """
            SELECT g.id FROM wanted, tip_group g
            WHERE g.search @@ wanted.query AND similarity(g.text, :q) >= :threshold
            ORDER BY similarity(g.text, :q) DESC, g.id
            LIMIT 1""";

    @Inject
    FactdeskConfig config;

    @Inject
    SimilarityService similarity;

    @Inject
    Event<TipReceived> received;

    @Transactional
    public Receipt receive(TipInput input) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it: the receipt says what is stored
        var em = Panache.getEntityManager();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", GROUPING_LOCK).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Number> match = em.createNativeQuery(GROUP_SQL).setParameter("q", input.text())
                .setParameter("threshold", config.tips().groupThreshold()).getResultList();
        // Locked: an editor attaching or dismissing the group at the same time must not be overwritten.
        TipGroup group = match.isEmpty() ? newGroup(input, now)
                : TipGroup.findById(match.get(0).longValue(), LockModeType.PESSIMISTIC_WRITE);
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
        tip.persist();
        received.fire(new TipReceived(tip, group));
        return new Receipt(tip.id, group.id, token, now);
    }

    private TipGroup newGroup(TipInput input, Instant now) {
        TipGroup group = new TipGroup();
        group.text = input.text();
        group.language = input.language();
        group.firstAt = now;
        group.lastAt = now;
        similarity.find(input.text(), null, 1).claims().stream().findFirst().ifPresent(closest -> {
            group.suggestedClaimId = closest.claimId();
            group.suggestedSimilarity = (float) closest.similarity();
        });
        group.persist();
        return group;
    }
}
