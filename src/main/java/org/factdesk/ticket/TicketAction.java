package org.factdesk.ticket;

import org.factdesk.audit.AuditAction;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.factdesk.common.Roles.EDITOR;
import static org.factdesk.common.Roles.FACTCHECKER;
import static org.factdesk.common.Roles.REVIEWER;
import static org.factdesk.ticket.TicketStatus.APPROVED;
import static org.factdesk.ticket.TicketStatus.DISCARDED;
import static org.factdesk.ticket.TicketStatus.IN_PROGRESS;
import static org.factdesk.ticket.TicketStatus.IN_REVIEW;
import static org.factdesk.ticket.TicketStatus.OPEN;
import static org.factdesk.ticket.TicketStatus.PUBLISHED;
import static org.factdesk.ticket.TicketStatus.RETRACTED;

/**
 * The transition table: every action on a ticket, the states it may start from, the state it
 * leads to, who may take it, any condition on the ticket, and the audit event it writes. A ticket's
 * status changes only by carrying out a {@link TransitionPlan} that {@link TransitionPlan#of}
 * made from this table (claim-next carries it out through its SQL fast path, {@link NextTicket}).
 */
public enum TicketAction {
    /** Opening the ticket of a new claim: the only action with no state to start from. */
    OPEN_TICKET("open", EnumSet.noneOf(TicketStatus.class), TicketStatus.OPEN, Set.of(FACTCHECKER, EDITOR), Owner.ANYONE,
            AuditAction.TICKET_OPENED),
    CLAIM("claim", EnumSet.of(OPEN), IN_PROGRESS, Set.of(FACTCHECKER), Owner.ANYONE, AuditAction.TICKET_CLAIM),
    ASSIGN("assign", EnumSet.of(OPEN, IN_PROGRESS), IN_PROGRESS, Set.of(EDITOR), Owner.ANYONE, AuditAction.TICKET_ASSIGN),
    RELEASE("release", EnumSet.of(IN_PROGRESS), OPEN, Set.of(FACTCHECKER, EDITOR), Owner.ASSIGNEE_OR_EDITOR,
            AuditAction.TICKET_RELEASE),
    SUBMIT("submit", EnumSet.of(IN_PROGRESS), IN_REVIEW, Set.of(FACTCHECKER, EDITOR), Owner.ASSIGNEE,
            AuditAction.TICKET_SUBMIT),
    REQUEST_CHANGES("request-changes", EnumSet.of(IN_REVIEW), IN_PROGRESS, Set.of(REVIEWER), Owner.ANYONE,
            AuditAction.TICKET_REQUEST_CHANGES),
    APPROVE("approve", EnumSet.of(IN_REVIEW), APPROVED, Set.of(REVIEWER), Owner.NOT_A_CONTRIBUTOR,
            AuditAction.TICKET_APPROVE),
    /** Sends approved content back to work (the way to change it); cancels a scheduled publication. */
    WITHDRAW_APPROVAL("withdraw-approval", EnumSet.of(APPROVED), IN_PROGRESS, Set.of(REVIEWER, EDITOR), Owner.ANYONE,
            AuditAction.TICKET_WITHDRAW_APPROVAL),
    PUBLISH("publish", EnumSet.of(APPROVED), PUBLISHED, Set.of(EDITOR), Owner.ANYONE, AuditAction.TICKET_PUBLISH),
    /** Publication at a later time: the ticket stays APPROVED until the job publishes it. */
    SCHEDULE("schedule", EnumSet.of(APPROVED), APPROVED, Set.of(EDITOR), Owner.ANYONE,
            AuditAction.TICKET_PUBLISH_SCHEDULED),
    CANCEL_SCHEDULE("cancel-schedule", EnumSet.of(APPROVED), APPROVED, Set.of(EDITOR), Owner.ANYONE,
            AuditAction.TICKET_CANCEL_SCHEDULE,
            ticket -> ticket.publishAt != null, "only a scheduled publication can be cancelled"),
    /** A fact-check has at most {@link Ticket#MAX_PUBLISHED_VERSIONS} published versions (all of them are shown). */
    CORRECT("correct", EnumSet.of(PUBLISHED), IN_PROGRESS, Set.of(EDITOR), Owner.ANYONE, AuditAction.TICKET_CORRECT,
            ticket -> ticket.publishedVersions < Ticket.MAX_PUBLISHED_VERSIONS,
            "a fact-check is published in at most " + Ticket.MAX_PUBLISHED_VERSIONS + " versions"),
    /** Also while a correction of a published fact-check is under way. */
    RETRACT("retract", EnumSet.complementOf(EnumSet.of(RETRACTED, DISCARDED)), RETRACTED, Set.of(EDITOR), Owner.ANYONE,
            AuditAction.TICKET_RETRACT,
            Ticket::everPublished, "only a fact-check that has been published can be retracted"),
    DISCARD("discard", EnumSet.of(OPEN, IN_PROGRESS, IN_REVIEW, APPROVED), DISCARDED, Set.of(EDITOR), Owner.ANYONE,
            AuditAction.TICKET_DISCARD,
            ticket -> !ticket.everPublished(), "a fact-check that has been published can only be corrected or retracted"),
    REOPEN("reopen", EnumSet.of(DISCARDED), OPEN, Set.of(EDITOR), Owner.ANYONE, AuditAction.TICKET_REOPEN);

    /** Who, among those holding one of the roles, may take the action on a given ticket. */
    public enum Owner {
        ANYONE,
        /** Only the ticket's assignee. */
        ASSIGNEE,
        /** The assignee, or any editor. */
        ASSIGNEE_OR_EDITOR,
        /** Four-eyes: nobody who drafted or changed the verdict or evidence of this ticket. */
        NOT_A_CONTRIBUTOR
    }

    public final String path;
    public final Set<TicketStatus> from;
    public final TicketStatus to;
    public final Set<String> roles;
    public final Owner owner;
    /** The audit event the action writes. */
    public final AuditAction event;
    private final Predicate<Ticket> condition;
    private final String conditionFailure;

    TicketAction(String path, Set<TicketStatus> from, TicketStatus to, Set<String> roles, Owner owner, AuditAction event) {
        this(path, from, to, roles, owner, event, ticket -> true, null);
    }

    TicketAction(String path, Set<TicketStatus> from, TicketStatus to, Set<String> roles, Owner owner, AuditAction event,
                 Predicate<Ticket> condition, String conditionFailure) {
        this.path = path;
        this.from = from;
        this.to = to;
        this.roles = roles;
        this.owner = owner;
        this.event = event;
        this.condition = condition;
        this.conditionFailure = conditionFailure;
    }

    /** Why the action cannot start from the ticket's current state, if it cannot. */
    public Optional<String> refusal(Ticket ticket) {
        if (this == OPEN_TICKET) {
            return ticket.status == null ? Optional.empty() : Optional.of("the ticket is open already");
        }
        if (!from.contains(ticket.status)) {
            return Optional.of("'" + path + "' is not possible while the ticket is " + ticket.status);
        }
        if (!condition.test(ticket)) {
            return Optional.of("'" + path + "' is not possible: " + conditionFailure);
        }
        return Optional.empty();
    }

    /** The actions the ticket's state allows, whoever asks. */
    public static List<TicketAction> possibleOn(Ticket ticket) {
        return Arrays.stream(values()).filter(action -> action.refusal(ticket).isEmpty()).toList();
    }

    /** The action a client names in {@code POST /api/tickets/{id}/{action}} (opening is not one: it comes with a new claim). */
    /** The path of every action a client can take ({@code POST /api/tickets/{id}/{action}}). */
    public static List<String> paths() {
        return Arrays.stream(values()).filter(action -> action != OPEN_TICKET).map(action -> action.path).toList();
    }

    public static Optional<TicketAction> byPath(String path) {
        return Arrays.stream(values()).filter(action -> action != OPEN_TICKET && action.path.equals(path)).findFirst();
    }

    /** {@code publish} with a time still to come is a scheduled publication. */
    public static TicketAction resolve(TicketAction action, TransitionRequest request, java.time.Instant now) {
        boolean later = request.publishAt() != null && request.publishAt().toInstant().isAfter(now);
        return action == PUBLISH && later ? SCHEDULE : action;
    }
}
