package org.factdesk.ticket;

import io.quarkus.hibernate.orm.panache.Panache;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Problems;

import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * What one action does to one ticket: its new status, assignee, scheduled time and reason, and
 * what the audit event records. {@link #of} makes it, from the transition table,
 * the policy and the request; the entity path (the workflow's {@code TicketService}) and claim-next's fast path
 * ({@link NextTicket}) both carry it out with {@link #applyTo}, so the two cannot drift apart.
 *
 * @param from the status before (null when the ticket is being opened)
 */
public record TransitionPlan(TicketAction action, TicketStatus from, TicketStatus to, String assignee,
                             Instant publishAt, String reason, boolean changesRequested, AuditLog.Changes changes) {

    /**
     * What the action does to this ticket, or the refusal: the policy (role 403, state 409,
     * ownership and four-eyes 403), the fields the request must carry (400), the per-person limit
     * (409, read through {@code maxInProgress} only when someone takes on a ticket), and the
     * ticket's new fields with what the audit event records.
     */
    public static TransitionPlan of(TicketAction requested, Ticket ticket, Actor actor, TransitionRequest request, Instant now,
                        IntSupplier maxInProgress) {
        TicketAction action = TicketAction.resolve(requested, request, now);
        TicketPolicy.refusal(action, ticket, actor, () -> AuditLog.changedWork(ticket.id, actor.subject()))
                .ifPresent(refusal -> {
                    throw refusal.problem(ticket, "Illegal transition");
                });
        String assignee = ticket.assignee;
        Instant publishAt = ticket.publishAt;
        String reason = ticket.reason;
        AuditLog.Changes changes = AuditLog.Changes.none();
        switch (action) {
            case OPEN_TICKET, APPROVE, SUBMIT -> {
            }
            case CLAIM -> {
                enforceLimit(actor.subject(), maxInProgress.getAsInt());
                assignee = actor.subject();
            }
            case ASSIGN -> {
                assignee = required(request.assignee(), "assignee", action);
                if (!assignee.equals(ticket.assignee)) {
                    enforceLimit(assignee, maxInProgress.getAsInt());
                }
            }
            case RELEASE -> assignee = null;
            case REOPEN -> {
                assignee = null;
                reason = null;
            }
            case REQUEST_CHANGES -> required(request.comment(), "comment", action);
            case WITHDRAW_APPROVAL -> {
                required(request.reason(), "reason", action);
                publishAt = null;
            }
            case PUBLISH, CANCEL_SCHEDULE -> publishAt = null;
            case SCHEDULE -> {
                if (request.publishAt() == null || !request.publishAt().toInstant().isAfter(now)) {
                    throw Problems.badRequest("Field 'publishAt' is required for 'schedule' and must be in the future.");
                }
                publishAt = request.publishAt().toInstant();
            }
            case CORRECT -> {
                if (request.assignee() != null) {
                    assignee = request.assignee();
                }
                if (assignee == null) {
                    throw Problems.badRequest("Field 'assignee' is required: this ticket has no fact-checker to send it back to.");
                }
                enforceLimit(assignee, maxInProgress.getAsInt());
            }
            case RETRACT, DISCARD -> {
                reason = required(request.reason(), "reason", action);
                changes.value("reason", reason);
                publishAt = null;
            }
        }
        changes.field("assignee", ticket.assignee, assignee);
        changes.field("publishAt", ticket.publishAt, publishAt);
        return new TransitionPlan(action, ticket.status, action.to, assignee, publishAt, reason,
                changesRequested(action, ticket), changes);
    }

    /**
     * The "changes requested" mark: set when a reviewer sends the work back, kept while the
     * desk still works on it, cleared by the next submission (or when the ticket leaves the desk's
     * work, e.g. discarded, so a reopened ticket starts unflagged).
     */
    private static boolean changesRequested(TicketAction action, Ticket ticket) {
        if (action == TicketAction.REQUEST_CHANGES) {
            return true;
        }
        return ticket.changesRequested && action != TicketAction.SUBMIT && TicketPolicy.isWorkedOn(action.to);
    }

    /**
     * The per-person limit of tickets in progress, if the desk set one ({@code max} > 0). Callers
     * read it in the claiming transaction, never from a cache: a change made through any replica
     * applies at once on all.
     */
    private static void enforceLimit(String assignee, int max) {
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

    /** Writes the plan into the ticket (the audit chain head is the audit log's to move). */
    public void applyTo(Ticket ticket, Instant now) {
        ticket.status = to;
        ticket.assignee = assignee;
        ticket.publishAt = publishAt;
        ticket.reason = reason;
        ticket.changesRequested = changesRequested;
        ticket.updatedAt = now;
    }

    public String fromName() {
        return from == null ? null : from.name();
    }
}
