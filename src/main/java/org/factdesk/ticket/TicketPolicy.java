package org.factdesk.ticket;

import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Roles;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what to a ticket, with the reason when not. The transition table says which roles
 * and which ownership rule apply to each action; this class applies them, and says who may edit
 * a ticket's work (evidence, verdict) and discuss it.
 */
public final class TicketPolicy {

    private TicketPolicy() {
    }

    /** Why this person may not take the action on this ticket, if they may not: role, then ownership. */
    public static Optional<String> refusal(TicketAction action, Ticket ticket, Actor actor) {
        return roleRefusal(action, actor).or(() -> ownershipRefusal(action, ticket, actor));
    }

    /** Why this person's roles do not allow the action on any ticket, if they do not. */
    public static Optional<String> roleRefusal(TicketAction action, Actor actor) {
        return actor == Actor.SYSTEM || actor.hasAny(action.roles) ? Optional.empty()
                : Optional.of("'" + action.path + "' needs one of the roles " + action.roles);
    }

    /** Why this person may not take the action on this particular ticket (ownership, four-eyes), if they may not. */
    public static Optional<String> ownershipRefusal(TicketAction action, Ticket ticket, Actor actor) {
        if (actor == Actor.SYSTEM) {
            return Optional.empty();
        }
        return switch (action.owner) {
            case ANYONE -> Optional.empty();
            case ASSIGNEE -> isAssignee(ticket, actor) ? Optional.empty()
                    : Optional.of("only the ticket's assignee may " + action.path + " it");
            case ASSIGNEE_OR_EDITOR -> isAssignee(ticket, actor) || actor.has(Roles.EDITOR) ? Optional.empty()
                    : Optional.of("only the ticket's assignee or an editor may " + action.path + " it");
            case NOT_A_CONTRIBUTOR -> AuditLog.changedWork(ticket.id, actor.subject())
                    ? Optional.of("four-eyes: you drafted or changed this ticket's verdict or evidence, "
                    + "so another reviewer must approve it")
                    : Optional.empty();
        };
    }

    /** Why this person may not change the ticket's claim, evidence or verdict draft, if they may not. */
    public static Optional<String> workRefusal(Ticket ticket, Actor actor) {
        if (isAssignee(ticket, actor) || actor.has(Roles.EDITOR)) {
            return Optional.empty();
        }
        return Optional.of("only the ticket's assignee or an editor may change its claim, evidence and verdict");
    }

    /** Fact-checkers discuss their own tickets; reviewers, editors and admins any ticket. */
    public static Optional<String> commentRefusal(Ticket ticket, Actor actor) {
        if (actor.hasAny(Set.of(Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN)) || isAssignee(ticket, actor)) {
            return Optional.empty();
        }
        return Optional.of("fact-checkers may only comment on tickets assigned to them");
    }

    private static boolean isAssignee(Ticket ticket, Actor actor) {
        return Objects.equals(ticket.assignee, actor.subject());
    }
}
