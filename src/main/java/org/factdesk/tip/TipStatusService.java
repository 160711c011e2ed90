package org.factdesk.tip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.claim.Claim;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.desk.DeskSettings;
import org.factdesk.publishing.FactCheckPage;
import org.factdesk.publishing.PublishedFactCheck;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The one reading of a tip's stage (for its status page, and for whoever else tells a requester where
 * their tip stands). From the tip's group: dismissed, not taken up; not attached to a claim, received;
 * attached, the stage of that claim's ticket. A ticket that has a published version answers (also while
 * a correction is under way, and once retracted: the page shows the retraction); one discarded before
 * any publication is not taken up; any other is being checked. A tip the desk answered by itself is
 * answered with that fact-check unless its group's own claim answers it.
 */
@ApplicationScoped
public class TipStatusService {

    /** How many duplicate links are followed from a group's claim to the claim that is checked. */
    static final int MAX_DUPLICATE_HOPS = 10;

    @Inject
    FactdeskConfig config;

    /** The status behind a receipt token; empty for a malformed or unknown one (told apart by nobody). */
    @Transactional
    public Optional<TipStatus> of(String token) {
        if (!ReceiptToken.wellFormed(token)) {
            return Optional.empty();
        }
        Optional<Tip> tip = Tip.find("tokenHash", ReceiptToken.hash(token)).firstResultOptional();
        return tip.map(this::of);
    }

    /** The desk's time zone, in which the pages give dates. */
    @Transactional
    public ZoneId deskZone() {
        return DeskSettings.get().zone();
    }

    /** Within a transaction: the status of a stored tip. */
    public TipStatus of(Tip tip) {
        TipGroup group = TipGroup.findById(tip.groupId);
        TipStatus byGroup = ofGroup(tip, group);
        if (byGroup.stage() != TipStage.ANSWERED && tip.autoAnsweredClaimId != null) {
            Optional<TipStatus> auto = answer(ticketOf(tip.autoAnsweredClaimId), tip.receivedAt);
            if (auto.isPresent()) {
                return auto.get();
            }
        }
        return byGroup;
    }

    private TipStatus ofGroup(Tip tip, TipGroup group) {
        if (group.dismissedAt != null) {
            return new TipStatus(TipStage.NOT_TAKEN_UP, later(group.dismissedAt, tip.receivedAt), null);
        }
        if (group.claimId == null) {
            return new TipStatus(TipStage.RECEIVED, tip.receivedAt, null);
        }
        Ticket ticket = ticketOf(group.claimId);
        Optional<TipStatus> answered = answer(ticket, tip.receivedAt);
        if (answered.isPresent()) {
            return answered.get();
        }
        if (ticket.status == TicketStatus.DISCARDED) {
            return new TipStatus(TipStage.NOT_TAKEN_UP, later(ticket.updatedAt, tip.receivedAt), null);
        }
        return new TipStatus(TipStage.BEING_CHECKED, later(group.attachedAt, tip.receivedAt), null);
    }

    /** Answered by this ticket's latest public version, if it has one. */
    private Optional<TipStatus> answer(Ticket ticket, Instant received) {
        if (!ticket.everPublished() && ticket.status != TicketStatus.RETRACTED) {
            return Optional.empty();
        }
        return PublishedFactCheck.load(ticket.id).map(fc -> new TipStatus(TipStage.ANSWERED,
                later(ticket.publicUpdatedAt, received),
                config.publisher().baseUrl() + FactCheckPage.path(fc.id(), fc.headline())));
    }

    /** The ticket of the claim the group points at, or of the claim that one was marked a duplicate of. */
    private static Ticket ticketOf(long claimId) {
        Claim claim = Claim.findById(claimId);
        for (int hop = 0; claim.duplicateOf != null && hop < MAX_DUPLICATE_HOPS; hop++) {
            claim = Claim.findById(claim.duplicateOf);
        }
        return Ticket.find("claim", claim).firstResult();
    }

    /** A stage's date, never before the tip itself arrived (a tip joins a group that was taken up earlier). */
    private static Instant later(Instant stage, Instant received) {
        return stage == null || stage.isBefore(received) ? received : stage;
    }
}
