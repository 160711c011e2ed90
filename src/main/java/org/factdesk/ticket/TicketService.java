package org.factdesk.ticket;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import org.factdesk.audit.AuditLog;
import org.factdesk.comment.Comment;
import org.factdesk.common.Actor;
import org.factdesk.common.Problems;
import org.factdesk.desk.DeskSettings;
import org.factdesk.verdict.VerdictService;
import org.factdesk.verdict.VerdictVersion;
import org.factdesk.webhook.WebhookOutbox;

import java.time.Instant;

/** Moves tickets through their lifecycle; every transition commits with its audit event. */
@ApplicationScoped
@Transactional
public class TicketService {

    @Inject
    AuditLog audit;

    @Inject
    VerdictService verdicts;

    @Inject
    WebhookOutbox webhooks;

    @Inject
    NextTicket nextTicket;

    public Ticket transition(long ticketId, TicketAction action, Actor actor, TransitionRequest request) {
        return apply(Ticket.lock(ticketId), action, actor, request == null ? TransitionRequest.NONE : request);
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
     * The one place where a ticket's status changes. The caller holds the ticket's row lock.
     * Checks, in order: the role (403), the state (409), ownership and four-eyes (403).
     */
    Ticket apply(Ticket ticket, TicketAction action, Actor actor, TransitionRequest request) {
        TicketPolicy.roleRefusal(action, actor).ifPresent(reason -> {
            throw Problems.forbidden(reason);
        });
        action.refusal(ticket).ifPresent(reason -> {
            throw illegalTransition(ticket, reason);
        });
        TicketPolicy.ownershipRefusal(action, ticket, actor).ifPresent(reason -> {
            throw Problems.forbidden(reason);
        });

        Instant now = Instant.now();
        TicketStatus from = ticket.status;
        TicketStatus to = action.to;
        String assigneeBefore = ticket.assignee;
        String event = "ticket." + action.path;
        AuditLog.Changes changes = audit.changes();

        switch (action) {
            case CLAIM -> {
                enforceLimit(actor.subject(), DeskSettings.get().maxInProgress);
                ticket.assignee = actor.subject();
            }
            case ASSIGN -> {
                String assignee = required(request.assignee(), "assignee", action);
                if (!assignee.equals(ticket.assignee)) {
                    enforceLimit(assignee, DeskSettings.get().maxInProgress);
                }
                ticket.assignee = assignee;
            }
            case RELEASE -> ticket.assignee = null;
            case REOPEN -> {
                ticket.assignee = null;
                ticket.reason = null;
            }
            case SUBMIT -> verdicts.requireSubmittable(ticket);
            case REQUEST_CHANGES -> {
                String comment = required(request.comment(), "comment", action);
                Comment note = new Comment();
                note.ticketId = ticket.id;
                note.author = actor.subject();
                note.body = comment;
                note.createdAt = now;
                note.persist();
                changes.value("commentId", note.id).personalValue("comment", note.bodySalt, comment);
            }
            case PUBLISH -> {
                if (request.publishAt() != null && request.publishAt().toInstant().isAfter(now)) {
                    to = TicketStatus.APPROVED;
                    event = "ticket.publish-scheduled";
                    changes.field("publishAt", ticket.publishAt, request.publishAt().toInstant());
                    ticket.publishAt = request.publishAt().toInstant();
                } else {
                    VerdictVersion published = verdicts.publishDraft(ticket, actor, now);
                    changes.value("verdictVersion", published.number);
                    webhooks.enqueue(published.number == 1 ? WebhookOutbox.PUBLISHED : WebhookOutbox.CORRECTED,
                            ticket, published.number, published.headline, now);
                    if (ticket.firstPublishedAt == null) {
                        ticket.firstPublishedAt = now;
                    }
                    ticket.publicUpdatedAt = now;
                    changes.field("publishAt", ticket.publishAt, null);
                    ticket.publishAt = null;
                }
            }
            case CANCEL_SCHEDULE -> {
                changes.field("publishAt", ticket.publishAt, null);
                ticket.publishAt = null;
            }
            case CORRECT -> {
                if (request.assignee() != null) {
                    ticket.assignee = request.assignee();
                }
                if (ticket.assignee == null) {
                    throw Problems.badRequest("Field 'assignee' is required: this ticket has no fact-checker to send it back to.");
                }
                verdicts.startCorrection(ticket, now);
            }
            case RETRACT, DISCARD -> {
                ticket.reason = required(request.reason(), "reason", action);
                ticket.publishAt = null;
                changes.value("reason", ticket.reason);
                if (action == TicketAction.RETRACT) {
                    ticket.publicUpdatedAt = now;
                    VerdictVersion latest = VerdictVersion.latestPublishedOf(ticket.id);
                    webhooks.enqueue(WebhookOutbox.RETRACTED, ticket, latest.number, latest.headline, now);
                }
            }
            case APPROVE -> {
            }
        }
        changes.field("assignee", assigneeBefore, ticket.assignee);
        ticket.status = to;
        ticket.updatedAt = now;
        audit.ticket(actor, ticket, event, from.name(), to.name(), changes);
        Panache.getEntityManager().flush(); // the answer shows the new version, as a later read would
        return ticket;
    }

    /**
     * The per-person limit of tickets in progress, if the desk set one ({@code max} > 0). Callers
     * read it in the claiming transaction, never from a cache: a change made through any replica
     * applies at once on all.
     */
    static void enforceLimit(String assignee, int max) {
        if (max == 0) {
            return;
        }
        var em = Panache.getEntityManager();
        // Serialises the count-then-claim of one person across requests and replicas.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:who))").setParameter("who", assignee).getSingleResult();
        long inProgress = Ticket.count("assignee = ?1 and status = ?2", assignee, TicketStatus.IN_PROGRESS);
        if (inProgress >= max) {
            throw Problems.conflict("Limit reached", assignee + " already has " + inProgress
                    + " tickets in progress; the desk allows " + max + ".");
        }
    }

    private static String required(String value, String field, TicketAction action) {
        if (value == null || value.isBlank()) {
            throw Problems.badRequest("Field '" + field + "' is required for '" + action.path + "'.");
        }
        return value;
    }

    static HttpProblem illegalTransition(Ticket ticket, String reason) {
        return HttpProblem.builder()
                .withStatus(Status.CONFLICT)
                .withTitle("Illegal transition")
                .withDetail(reason + ".")
                .with("currentState", ticket.status.name())
                .with("allowedActions", TicketAction.possibleOn(ticket).stream().map(a -> a.path).toList())
                .build();
    }

    /** Fails with 403 unless the actor may change this ticket's claim, evidence or verdict; and 409 unless it is in progress. */
    public static Ticket lockForWork(long ticketId, Actor actor) {
        Ticket ticket = Ticket.lock(ticketId);
        TicketPolicy.workRefusal(ticket, actor).ifPresent(reason -> {
            throw Problems.forbidden(reason);
        });
        if (ticket.status != TicketStatus.IN_PROGRESS) {
            throw HttpProblem.builder().withStatus(Status.CONFLICT).withTitle("Ticket not in progress")
                    .withDetail("Evidence and verdict can only change while the ticket is IN_PROGRESS; it is " + ticket.status + ".")
                    .with("currentState", ticket.status.name()).build();
        }
        return ticket;
    }

}
