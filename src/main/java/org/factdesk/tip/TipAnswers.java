package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditEvent;
import org.factdesk.audit.AuditLog;
import org.factdesk.audit.TicketAudited;
import org.factdesk.common.Actor;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.desk.DeskSettings;
import org.factdesk.similar.SimilarityService;
import org.factdesk.similar.SimilarityService.SimilarClaim;
import org.factdesk.ticket.TicketStatus;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Writes the answers to requesters into the outbox ({@code tip_answer}) in the transaction of what causes
 * them, so that they commit with it or not at all; {@link TipAnswerSender} sends them afterwards.
 * <ul>
 * <li>A publication, correction or retraction of a ticket (its audit event, observed synchronously):
 * one answer for each tip with a contact in every group whose claim is the ticket's, in one
 * set-based statement however many people asked.</li>
 * <li>A new tip that joins a group whose claim's fact-check is out already: its requester is answered at
 * once with what is public now.</li>
 * <li>A new tip close enough to a published fact-check, when the desk turned that on: an automatic
 * answer with it, recorded on the tip and in the desk's audit chain (as {@code system}).</li>
 * </ul>
 * The unique key {@code (tip_id, ticket_id, kind, version)} makes a repeat a no-op; each answer's
 * Message-ID is made once, here, and kept across retries.
 */
@ApplicationScoped
public class TipAnswers {

    /** {@code %s}: which tips; only those whose requester consented and whose contact is still kept. */
    private static final String INSERT = """
            INSERT INTO tip_answer (tip_id, kind, ticket_id, version, message_id, created_at, state, next_at)
            SELECT t.id, :kind, :ticket, :version, '<tip-answer.' || gen_random_uuid() || '@' || :host || '>',
                   now(), 'PENDING', now()
            FROM tip t JOIN tip_group g ON g.id = t.group_id
            WHERE t.consent AND t.contact IS NOT NULL AND %s
            ON CONFLICT (tip_id, ticket_id, kind, version) DO NOTHING""";

    static final String FOR_TICKET_CLAIM = INSERT.formatted("g.claim_id = (SELECT claim_id FROM ticket WHERE id = :ticket)");
    static final String FOR_GROUP = INSERT.formatted("g.id = :target");
    static final String FOR_TIP = INSERT.formatted("t.id = :target");

    /** A ticket's latest published version and its status (none: never published). */
    private static final String PUBLIC_STATE = """
            SELECT k.id, k.status, (SELECT max(v.number) FROM verdict_version v
                                    WHERE v.ticket_id = k.id AND v.state = 'PUBLISHED')
            FROM ticket k WHERE %s""";

    @Inject
    FactdeskConfig config;

    @Inject
    SimilarityService similarity;

    @Inject
    AuditLog audit;

    private record PublicState(long ticketId, String status, int version) {
        String kind() {
            return TicketStatus.RETRACTED.name().equals(status) ? TipAnswer.RETRACTED : TipAnswer.PUBLISHED;
        }
    }

    void onTicketAudited(@Observes TicketAudited audited) {
        AuditEvent event = audited.event();
        if (event.ticketId == null) {
            return;
        }
        if (AuditAction.TICKET_PUBLISH.id.equals(event.action)) {
            int version = event.changes == null ? 0 : event.changes.path("verdictVersion").asInt();
            if (version > 0) {
                enqueue(FOR_TICKET_CLAIM, version == 1 ? TipAnswer.PUBLISHED : TipAnswer.CORRECTED, event.ticketId,
                        version, null);
            }
        } else if (AuditAction.TICKET_RETRACT.id.equals(event.action)) {
            publicState("k.id = :id", event.ticketId).ifPresent(state ->
                    enqueue(FOR_TICKET_CLAIM, TipAnswer.RETRACTED, state.ticketId(), state.version(), null));
        }
    }

    void onTipReceived(@Observes TipReceived received) {
        Tip tip = received.tip();
        TipGroup group = received.group();
        if (group.claimId != null) {
            // The group's claim is the desk's work already: its public state is the answer, if there is one.
            publicState("k.claim_id = :id", group.claimId).ifPresent(state ->
                    enqueue(FOR_TIP, state.kind(), state.ticketId(), state.version(), tip.id));
            return;
        }
        DeskSettings settings = DeskSettings.get();
        if (settings.tipAutoAnswer) {
            autoAnswer(tip, received.reading(), settings.autoAnswerThreshold());
        }
    }

    /**
     * Tells the requesters of a group what is public of its claim's fact-check now (published, corrected
     * or retracted), for a group attached to a claim whose fact-check is out already; answers how many
     * answers were written. Requesters answered before about the same version are not answered again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int answerGroup(long groupId) {
        TipGroup group = TipGroup.findById(groupId);
        if (group == null || group.claimId == null) {
            return 0;
        }
        return publicState("k.claim_id = :id", group.claimId)
                .map(state -> enqueue(FOR_GROUP, state.kind(), state.ticketId(), state.version(), groupId))
                .orElse(0);
    }

    /**
     * The best match among the desk's published fact-checks (the similarity search, whose own floor is
     * {@code factdesk.intake.similarity-threshold}); answered with when it reaches the desk's threshold.
     */
    private void autoAnswer(Tip tip, SimilarityService.Reading reading, double threshold) {
        Optional<SimilarClaim> best = similarity.find(reading, null, SimilarityService.MAX_LIMIT).claims().stream()
                .filter(match -> match.status() == TicketStatus.PUBLISHED && match.publicPath() != null)
                .findFirst(); // ordered by similarity, most alike first
        if (best.isEmpty() || best.get().similarity() < threshold) {
            return;
        }
        SimilarClaim match = best.get();
        Optional<PublicState> state = publicState("k.id = :id", match.ticketId());
        if (state.isEmpty()) {
            return;
        }
        tip.autoAnsweredClaimId = match.claimId();
        tip.autoAnsweredSimilarity = (float) match.similarity();
        enqueue(FOR_TIP, TipAnswer.AUTO, match.ticketId(), state.get().version(), tip.id);
        // Ids and the similarity only: the tip's words and its contact stay out of the chain.
        audit.desk(Actor.SYSTEM, AuditAction.TIP_AUTO_ANSWERED, audit.changes().value("tipId", tip.id)
                .value("claimId", match.claimId()).value("ticketId", match.ticketId())
                .value("similarity", Double.toString(match.similarity())));
    }

    private Optional<PublicState> publicState(String where, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(PUBLIC_STATE.formatted(where))
                .setParameter("id", id).getResultList();
        return rows.stream().filter(row -> row[2] != null).findFirst().map(row -> new PublicState(
                ((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).intValue()));
    }

    private int enqueue(String sql, String kind, long ticketId, int version, Long target) {
        var query = Panache.getEntityManager().createNativeQuery(sql).setParameter("kind", kind)
                .setParameter("ticket", ticketId).setParameter("version", version).setParameter("host", messageIdHost());
        if (target != null) {
            query.setParameter("target", target);
        }
        return query.executeUpdate();
    }

    /** The right-hand side of the Message-IDs: the host of the public base URL (the desk's own name). */
    private String messageIdHost() {
        String host = URI.create(config.publisher().baseUrl()).getHost();
        return host == null ? "localhost" : host;
    }
}
