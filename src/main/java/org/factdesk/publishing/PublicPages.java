package org.factdesk.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import org.factdesk.common.Actor;
import org.factdesk.desk.DeskSettings;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketAction;
import org.factdesk.ticket.TicketPolicy;
import org.factdesk.verdict.VerdictService;
import org.factdesk.verdict.VerdictVersion;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** What a public fact-check page shows, read in one transaction: the published version and the desk's facts around it. */
@ApplicationScoped
public class PublicPages {

    /** {@code claimantErasedAt}: when the claimant was erased, if the published version names none for that reason. */
    public record Shown(PublishedFactCheck fc, ZoneId zone, Instant claimantErasedAt) {
    }

    @Inject
    VerdictService verdicts;

    @Transactional
    public Optional<Shown> find(long id) {
        return PublishedFactCheck.load(id).map(fc -> new Shown(fc, DeskSettings.get().zone(),
                fc.claimant() == null ? Ticket.<Ticket>findById(fc.id()).claim.claimantErasedAt : null));
    }

    /**
     * The page publishing the ticket now would show, for whoever may publish it now: its reviewed draft
     * turned into the next version as publishing does, but nothing stored (a read: no audit event).
     * 404 for no ticket; 403 for a role that may not publish; 409 when it is not approved or has no draft.
     */
    @Transactional
    public Shown preview(long ticketId, Actor actor, Instant now) {
        Ticket ticket = Ticket.get(ticketId);
        // Publish-now alone: previewing refuses exactly whom and when publishing would (four-eyes does not apply to it).
        TicketPolicy.refusal(TicketAction.PUBLISH, ticket, actor, () -> false).ifPresent(refusal -> {
            throw refusal.problem(ticket, "Nothing to preview");
        });
        VerdictVersion next = verdicts.wouldPublish(ticket, now);
        PublishedFactCheck fc = PublishedFactCheck.withNext(ticket, next);
        return new Shown(fc, DeskSettings.get().zone(), fc.claimant() == null ? ticket.claim.claimantErasedAt : null);
    }
}
