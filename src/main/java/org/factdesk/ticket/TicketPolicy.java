package org.factdesk.ticket;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response.Status;
import org.factdesk.common.Actor;
import org.factdesk.common.Problems;
import org.factdesk.common.Roles;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.factdesk.ticket.TicketStatus.APPROVED;
import static org.factdesk.ticket.TicketStatus.IN_PROGRESS;
import static org.factdesk.ticket.TicketStatus.IN_REVIEW;
import static org.factdesk.ticket.TicketStatus.OPEN;

/**
 * Who may do what to a ticket, with the reason when not: the one place for every rule on a ticket —
 * its transitions (roles and ownership from the {@link TicketAction} table, four-eyes), the edits
 * of its reviewed content (claim, evidence, verdict draft) and of its triage, and its discussion.
 * Pure: facts that need the database (has this person changed the ticket's work?) come in as
 * arguments, so the rules can be checked without one. The API serves the outcome to the web app
 * as {@link Permissions}.
 */
public final class TicketPolicy {

    /** What can be edited on a ticket. CLAIM, EVIDENCE and VERDICT are its reviewed content. */
    public enum Part { CLAIM, EVIDENCE, VERDICT, TRIAGE }

    /** A refusal: 403 (who you are) or 409 (the ticket's state), with what to tell the caller. */
    public record Refusal(Status status, String reason) {
        /** The refusal as the API answers it; a 409 names the current state and the actions it allows. */
        public HttpProblem problem(Ticket ticket, String conflictTitle) {
            if (status == Status.FORBIDDEN) {
                return Problems.forbidden(reason);
            }
            return HttpProblem.builder()
                    .withStatus(Status.CONFLICT)
                    .withTitle(conflictTitle)
                    .withDetail(Problems.sentence(reason) + ".")
                    .with("currentState", Objects.toString(ticket.status, null))
                    .with("allowedActions", TicketAction.possibleOn(ticket).stream().map(a -> a.path).toList())
                    .build();
        }

        static Optional<Refusal> forbidden(String reason) {
            return Optional.of(new Refusal(Status.FORBIDDEN, reason));
        }

        static Optional<Refusal> conflict(String reason) {
            return Optional.of(new Refusal(Status.CONFLICT, reason));
        }
    }

    /** What the caller may do with a ticket now, as every ticket in the API carries it. */
    public record Permissions(List<String> actions, Edit edit, boolean comment) {
    }

    public record Edit(boolean claim, boolean evidence, boolean verdict, boolean triage) {
    }

    /** States in which a ticket is still the desk's work (triage applies, it can be overdue). */
    public static final Set<TicketStatus> UNFINISHED = EnumSet.of(OPEN, IN_PROGRESS, IN_REVIEW, APPROVED);

    private TicketPolicy() {
    }

    /** Whether reviewed content may change in this state at all (OPEN or IN_PROGRESS; frozen otherwise). */
    public static boolean isWorkedOn(TicketStatus status) {
        return status == OPEN || status == IN_PROGRESS;
    }

    /** Why this person may never set priority or deadline, if they may not (also when creating a claim). */
    public static Optional<String> triageRoleRefusal(Actor actor) {
        return actor.has(Roles.EDITOR) ? Optional.empty()
                : Optional.of("only editors set a ticket's priority and deadline (triage)");
    }

    /**
     * Why this person may not take the action on this ticket, if they may not. Checks, in order: the
     * role (403), the state (409), ownership and four-eyes (403). {@code changedWork} answers whether
     * the person ever changed this ticket's reviewed content; it is asked only for four-eyes.
     */
    public static Optional<Refusal> refusal(TicketAction action, Ticket ticket, Actor actor, BooleanSupplier changedWork) {
        return roleRefusal(action, actor).map(reason -> new Refusal(Status.FORBIDDEN, reason))
                .or(() -> action.refusal(ticket).map(reason -> new Refusal(Status.CONFLICT, reason)))
                .or(() -> ownershipRefusal(action, ticket, actor, changedWork).map(reason -> new Refusal(Status.FORBIDDEN, reason)));
    }

    /** Why this person's roles do not allow the action on any ticket, if they do not. */
    public static Optional<String> roleRefusal(TicketAction action, Actor actor) {
        return actor == Actor.SYSTEM || actor.hasAny(action.roles) ? Optional.empty()
                : Optional.of("'" + action.path + "' needs one of the roles " + action.roles);
    }

    private static Optional<String> ownershipRefusal(TicketAction action, Ticket ticket, Actor actor,
                                                     BooleanSupplier changedWork) {
        if (actor == Actor.SYSTEM) {
            return Optional.empty();
        }
        return switch (action.owner) {
            case ANYONE -> Optional.empty();
            case ASSIGNEE -> isAssignee(ticket, actor) ? Optional.empty()
                    : Optional.of("only the ticket's assignee may " + action.path + " it");
            case ASSIGNEE_OR_EDITOR -> isAssignee(ticket, actor) || actor.has(Roles.EDITOR) ? Optional.empty()
                    : Optional.of("only the ticket's assignee or an editor may " + action.path + " it");
            case NOT_A_CONTRIBUTOR -> changedWork.getAsBoolean()
                    ? Optional.of("four-eyes: you changed this ticket's claim, evidence or verdict, "
                    + "so another reviewer must approve it")
                    : Optional.empty();
        };
    }

    /**
     * Why this person may not change this part of the ticket now, if they may not. Reviewed content
     * changes only while the ticket is OPEN (the claim, by an editor) or IN_PROGRESS (by the
     * assignee or an editor); in review or approved it is frozen, and the refusal names the way back.
     * Triage (priority, deadline) is the editors', in any state the desk still works on.
     */
    public static Optional<Refusal> editRefusal(Part part, Ticket ticket, Actor actor) {
        if (part == Part.TRIAGE) {
            Optional<String> role = triageRoleRefusal(actor);
            if (role.isPresent()) {
                return Refusal.forbidden(role.get());
            }
            return UNFINISHED.contains(ticket.status) ? Optional.empty()
                    : Refusal.conflict("priority and deadline apply only while the desk works on a ticket; it is " + ticket.status);
        }
        if (!isAssignee(ticket, actor) && !actor.has(Roles.EDITOR)) {
            return Refusal.forbidden("only the ticket's assignee or an editor may change its claim, evidence and verdict");
        }
        return switch (ticket.status) {
            case IN_PROGRESS -> Optional.empty();
            case OPEN -> part == Part.CLAIM ? Optional.empty()
                    : Refusal.conflict("evidence and verdict are worked on once the ticket is claimed or assigned; it is OPEN");
            case IN_REVIEW -> Refusal.conflict("the reviewed content is frozen while the ticket is IN_REVIEW; "
                    + "a reviewer sends it back with 'request-changes'");
            case APPROVED -> Refusal.conflict("the reviewed content is frozen while the ticket is APPROVED; "
                    + "a reviewer or editor sends it back with 'withdraw-approval'");
            case PUBLISHED -> Refusal.conflict("a published fact-check changes only through a correction ('correct')");
            case RETRACTED -> Refusal.conflict("a retracted fact-check no longer changes");
            case DISCARDED -> Refusal.conflict("the ticket is DISCARDED; 'reopen' it first");
        };
    }

    /** Fact-checkers discuss their own tickets; reviewers, editors and admins any ticket. */
    public static Optional<Refusal> commentRefusal(Ticket ticket, Actor actor) {
        if (actor.hasAny(Set.of(Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN)) || isAssignee(ticket, actor)) {
            return Optional.empty();
        }
        return Refusal.forbidden("fact-checkers may only comment on tickets assigned to them");
    }

    /** Everything this person may do with the ticket now, in the table's order. */
    public static Permissions permissions(Ticket ticket, Actor actor, boolean changedWork) {
        List<String> actions = Arrays.stream(TicketAction.values())
                .filter(action -> refusal(action, ticket, actor, () -> changedWork).isEmpty())
                .map(action -> action.path).toList();
        return new Permissions(actions,
                new Edit(may(Part.CLAIM, ticket, actor), may(Part.EVIDENCE, ticket, actor),
                        may(Part.VERDICT, ticket, actor), may(Part.TRIAGE, ticket, actor)),
                commentRefusal(ticket, actor).isEmpty());
    }

    private static boolean may(Part part, Ticket ticket, Actor actor) {
        return editRefusal(part, ticket, actor).isEmpty();
    }

    private static boolean isAssignee(Ticket ticket, Actor actor) {
        return ticket.assignee != null && Objects.equals(ticket.assignee, actor.subject());
    }
}
