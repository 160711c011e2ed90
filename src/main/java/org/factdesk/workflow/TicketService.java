package org.factdesk.workflow;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.capture.CaptureService;
import org.factdesk.claim.Claim;
import org.factdesk.claim.Priority;
import org.factdesk.comment.CommentService;
import org.factdesk.common.Actor;
import org.factdesk.common.Problems;
import org.factdesk.desk.DeskSettings;
import org.factdesk.verdict.VerdictService;
import org.factdesk.verdict.VerdictVersion;
import org.factdesk.webhook.WebhookOutbox;
import org.factdesk.ticket.NextTicket;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketAction;
import org.factdesk.ticket.TicketPolicy;
import org.factdesk.ticket.TicketRows;
import org.factdesk.ticket.TicketStatus;
import org.factdesk.ticket.TransitionPlan;
import org.factdesk.ticket.TransitionRequest;
import org.factdesk.ticket.TriageRequest;
import org.hibernate.Session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The one door of the ticket lifecycle: every status change, opening a ticket included, is planned
 * by {@link #plan} from the transition table and the policy, and carried out with its audit event in
 * one transaction. Also the edits that are not transitions but obey the same policy: locking a
 * ticket to change its reviewed content, and triage.
 */
@ApplicationScoped
@Transactional
public class TicketService {

    @Inject
    CaptureService captures;

    @Inject
    AuditLog audit;

    @Inject
    VerdictService verdicts;

    @Inject
    WebhookOutbox webhooks;

    @Inject
    NextTicket nextTicket;

    @Inject
    TicketRows rows;

    /** Opens the ticket of a new claim; {@code opening} is what its first audit event records. */
    public Ticket open(Claim claim, Actor actor, AuditLog.Changes opening) {
        Instant now = Instant.now();
        Ticket ticket = new Ticket();
        ticket.claim = claim;
        ticket.priorityRank = claim.priorityRank;
        ticket.deadline = claim.deadline;
        ticket.createdAt = now;
        TransitionPlan plan = TransitionPlan.of(TicketAction.OPEN_TICKET, ticket, actor, TransitionRequest.NONE, now, () -> 0);
        plan.applyTo(ticket, now);
        ticket.persistAndFlush();
        audit.ticket(actor, ticket, plan.action().event, null, plan.to().name(), opening);
        return ticket;
    }

    public Ticket transition(long ticketId, TicketAction action, Actor actor, TransitionRequest request) {
        TransitionRequest given = request == null ? TransitionRequest.NONE : request;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL stores it
        if (onRowPath(TicketAction.resolve(action, given, now))) {
            TicketRows.Locked locked = rows.lock(ticketId);
            TransitionPlan plan = TransitionPlan.of(action, locked.ticket(), actor, given, now, locked::maxInProgress);
            return rows.carryOut(plan, locked.ticket(), actor, now);
        }
        return apply(Ticket.lock(ticketId), action, actor, given);
    }

    /** Frozen content goes back to work: appearances found meanwhile join it ({@link #apply}). {@code from} may be null. */
    private static boolean backToWork(TicketStatus from, TicketStatus to) {
        return TicketPolicy.isWorkedOn(to) && !TicketPolicy.isWorkedOn(from);
    }

    /** The actions {@link #apply} does more for than move the ticket row and append its audit event: its switch's cases. */
    private static final Set<TicketAction> WITH_EFFECTS = EnumSet.of(TicketAction.SUBMIT, TicketAction.REQUEST_CHANGES,
            TicketAction.WITHDRAW_APPROVAL, TicketAction.PUBLISH, TicketAction.CORRECT, TicketAction.RETRACT);

    /**
     * Whether the action is carried out on the row path ({@link TicketRows}: two statements, as claim-next): it has
     * no effect beyond the ticket row and its audit event (not one of {@link #WITH_EFFECTS}, and it cannot bring
     * frozen content back to work), and this transaction holds no entity the row path's writes would leave stale
     * (marking a duplicate, for one, holds both tickets).
     */
    private static boolean onRowPath(TicketAction action) {
        return !WITH_EFFECTS.contains(action) && action.from.stream().noneMatch(from -> backToWork(from, action.to))
                && Panache.getEntityManager().unwrap(Session.class).getStatistics().getEntityCount() == 0;
    }

    /** Hands the most urgent open ticket to the caller; under concurrency each ticket goes to one caller only. */
    public Ticket claimNext(Actor actor) {
        TicketPolicy.roleRefusal(TicketAction.CLAIM, actor).ifPresent(reason -> {
            throw Problems.forbidden(reason);
        });
        Ticket claimed = nextTicket.claim(actor);
        if (claimed == null) {
            throw HttpProblem.builder().withStatus(Status.NOT_FOUND).withTitle("No open ticket")
                    .withDetail("There is no open ticket to claim right now.").build();
        }
        return claimed;
    }

    /**
     * Carries out a plan on the entity path: the action's effects beyond the ticket row (the
     * verdict, webhooks, the discussion, appearances found later: {@link #WITH_EFFECTS} names the
     * actions of the switch), the ticket's new fields, and the audit event. The caller holds the
     * ticket's row lock.
     */
    Ticket apply(Ticket ticket, TicketAction requested, Actor actor, TransitionRequest request) {
        Instant now = Instant.now();
        TransitionPlan plan = TransitionPlan.of(requested, ticket, actor, request, now, () -> DeskSettings.get().maxInProgress);
        AuditLog.Changes changes = plan.changes();
        switch (plan.action()) {
            case SUBMIT -> {
                verdicts.requireSubmittable(ticket);
                captures.settleForReview(ticket, actor);
            }
            case REQUEST_CHANGES -> discuss(ticket, actor, "comment", request.comment(), changes, now);
            case WITHDRAW_APPROVAL -> discuss(ticket, actor, "reason", request.reason(), changes, now);
            case PUBLISH -> {
                VerdictVersion published = verdicts.publishDraft(ticket, actor, now);
                changes.value("verdictVersion", published.number);
                webhooks.enqueue(published.number == 1 ? WebhookOutbox.PUBLISHED : WebhookOutbox.CORRECTED,
                        ticket, published.number, published.headline, now);
                if (ticket.firstPublishedAt == null) {
                    ticket.firstPublishedAt = now;
                }
                ticket.publicUpdatedAt = now;
            }
            case CORRECT -> verdicts.startCorrection(ticket, now);
            case RETRACT -> {
                ticket.publicUpdatedAt = now;
                VerdictVersion latest = VerdictVersion.latestPublishedOf(ticket.id);
                webhooks.enqueue(WebhookOutbox.RETRACTED, ticket, latest.number, latest.headline, now);
            }
            default -> {
            }
        }
        if (backToWork(plan.from(), plan.to())) {
            // Back to work: appearances found while the content was frozen join it now.
            List<String> joined = ticket.claim.joinLaterAppearances();
            if (!joined.isEmpty()) {
                changes.value("appearancesJoined", joined);
            }
        }
        plan.applyTo(ticket, now);
        audit.ticket(actor, ticket, plan.action().event, plan.fromName(), plan.to().name(), changes);
        Panache.getEntityManager().flush(); // the answer shows the new version, as a later read would
        return ticket;
    }

    /**
     * What this person may do with each of these tickets, for the API to serve: four-eyes costs one
     * query for the whole list, and only when the person could approve at all.
     */
    public Function<Ticket, TicketPolicy.Permissions> permissions(Collection<Ticket> tickets, Actor actor) {
        Set<Long> worked = TicketPolicy.roleRefusal(TicketAction.APPROVE, actor).isPresent() ? Set.of()
                : AuditLog.changedWork(tickets.stream().map(t -> t.id).toList(), actor.subject());
        return ticket -> TicketPolicy.permissions(ticket, actor, worked.contains(ticket.id));
    }

    /** Sets priority and deadline (triage, not reviewed content): editors, while the desk works on the ticket. */
    public Ticket triage(long ticketId, Actor actor, TriageRequest request) {
        Ticket ticket = Ticket.lockForEdit(ticketId, TicketPolicy.Part.TRIAGE, actor);
        Problems.requireVersion("Ticket " + ticketId, request.version(), ticket.version);
        return triage(ticket, actor, request.priority(), request.deadline() == null ? null : request.deadline().toInstant());
    }

    /** Triage of the priority alone, keeping the deadline (bulk actions: no version to send, the lock orders them). */
    public Ticket setPriority(long ticketId, Actor actor, Priority priority) {
        Ticket ticket = Ticket.lockForEdit(ticketId, TicketPolicy.Part.TRIAGE, actor);
        return triage(ticket, actor, priority, ticket.claim.deadline);
    }

    private Ticket triage(Ticket ticket, Actor actor, Priority priority, Instant deadline) {
        Claim claim = ticket.claim;
        AuditLog.Changes changes = audit.changes()
                .field("priority", claim.priority, priority)
                .field("deadline", claim.deadline, deadline);
        if (changes.isEmpty()) {
            return ticket;
        }
        claim.setPriority(priority);
        claim.deadline = deadline;
        ticket.priorityRank = claim.priorityRank;
        ticket.deadline = deadline;
        ticket.updatedAt = Instant.now();
        audit.ticket(actor, ticket, AuditAction.TICKET_TRIAGED, null, null, changes);
        Panache.getEntityManager().flush();
        return ticket;
    }

    /**
     * The request-changes comment or the reason an approval was withdrawn, posted where the
     * fact-checker reads it; the event commits to it as to any comment (erasable).
     */
    private static void discuss(Ticket ticket, Actor actor, String field, String text, AuditLog.Changes changes,
                                Instant now) {
        CommentService.write(ticket, actor, field, text, changes, now);
    }

}
