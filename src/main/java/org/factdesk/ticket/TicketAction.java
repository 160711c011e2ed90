package org.factdesk.ticket;

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
 * leads to, who may take it and any condition on the ticket. A ticket's status changes only through
 * {@link TicketService} (claim-next through its SQL fast path, {@link NextTicket}), which asks this table.
 */
public enum TicketAction {
    CLAIM("claim", EnumSet.of(OPEN), IN_PROGRESS, Set.of(FACTCHECKER), Owner.ANYONE),
    ASSIGN("assign", EnumSet.of(OPEN, IN_PROGRESS), IN_PROGRESS, Set.of(EDITOR), Owner.ANYONE),
    RELEASE("release", EnumSet.of(IN_PROGRESS), OPEN, Set.of(FACTCHECKER, EDITOR), Owner.ASSIGNEE_OR_EDITOR),
    SUBMIT("submit", EnumSet.of(IN_PROGRESS), IN_REVIEW, Set.of(FACTCHECKER, EDITOR), Owner.ASSIGNEE),
    REQUEST_CHANGES("request-changes", EnumSet.of(IN_REVIEW), IN_PROGRESS, Set.of(REVIEWER), Owner.ANYONE),
    APPROVE("approve", EnumSet.of(IN_REVIEW), APPROVED, Set.of(REVIEWER), Owner.NOT_A_CONTRIBUTOR),
    /** Publishes now, or, with a time, schedules: the ticket then stays APPROVED until the job runs. */
    PUBLISH("publish", EnumSet.of(APPROVED), PUBLISHED, Set.of(EDITOR), Owner.ANYONE),
    CANCEL_SCHEDULE("cancel-schedule", EnumSet.of(APPROVED), APPROVED, Set.of(EDITOR), Owner.ANYONE,
            ticket -> ticket.publishAt != null, "only a scheduled publication can be cancelled"),
    CORRECT("correct", EnumSet.of(PUBLISHED), IN_PROGRESS, Set.of(EDITOR), Owner.ANYONE),
    /** Also while a correction of a published fact-check is under way. */
    RETRACT("retract", EnumSet.complementOf(EnumSet.of(RETRACTED, DISCARDED)), RETRACTED, Set.of(EDITOR), Owner.ANYONE,
            Ticket::everPublished, "only a fact-check that has been published can be retracted"),
    DISCARD("discard", EnumSet.of(OPEN, IN_PROGRESS, IN_REVIEW, APPROVED), DISCARDED, Set.of(EDITOR), Owner.ANYONE,
            ticket -> !ticket.everPublished(), "a fact-check that has been published can only be corrected or retracted"),
    REOPEN("reopen", EnumSet.of(DISCARDED), OPEN, Set.of(EDITOR), Owner.ANYONE);

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
    private final Predicate<Ticket> condition;
    private final String conditionFailure;

    TicketAction(String path, Set<TicketStatus> from, TicketStatus to, Set<String> roles, Owner owner) {
        this(path, from, to, roles, owner, ticket -> true, null);
    }

    TicketAction(String path, Set<TicketStatus> from, TicketStatus to, Set<String> roles, Owner owner,
                 Predicate<Ticket> condition, String conditionFailure) {
        this.path = path;
        this.from = from;
        this.to = to;
        this.roles = roles;
        this.owner = owner;
        this.condition = condition;
        this.conditionFailure = conditionFailure;
    }

    /** Why the action cannot start from the ticket's current state, if it cannot. */
    public Optional<String> refusal(Ticket ticket) {
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

    public static Optional<TicketAction> byPath(String path) {
        return Arrays.stream(values()).filter(action -> action.path.equals(path)).findFirst();
    }
}
