package org.factdesk.tip;

import io.quarkiverse.resteasy.problem.HttpProblem;
import org.factdesk.common.Actor;
import org.factdesk.common.Problems;
import org.factdesk.common.Roles;

import java.util.Optional;

/**
 * Who may do what with a group of tips, in one place: every desk role reads the inbox; editors, who
 * triage the desk's work, turn a group into a claim, attach it to one or dismiss it. The same method
 * refuses a request (403 for the role, 409 for the group's state) and tells each group's
 * {@link GroupPermissions}, so the web app shows exactly the actions the server would take.
 */
public final class TipPolicy {

    /** What the caller may do with one group now. */
    public record GroupPermissions(boolean createClaim, boolean attach, boolean dismiss) {
    }

    private TipPolicy() {
    }

    /** Why this person may never act on tips, if they may not (the desk-level "handle tips"). */
    public static Optional<String> roleRefusal(Actor actor) {
        return actor.has(Roles.EDITOR) ? Optional.empty() : Optional.of("only editors act on the public's tips");
    }

    /**
     * Why this person cannot handle the group now (turn it into a claim, attach it, dismiss it), as the
     * problem to answer.
     */
    public static Optional<HttpProblem> refusal(TipGroup group, Actor actor) {
        Optional<String> role = roleRefusal(actor);
        if (role.isPresent()) {
            return Optional.of(Problems.forbidden(role.get() + "."));
        }
        return stateRefusal(group).map(reason -> Problems.conflict("Group already handled",
                "Group " + group.id + " " + reason + "."));
    }

    /** The same rule as {@link #refusal}, as each group in the API carries it. */
    public static GroupPermissions permissions(TipGroup group, Actor actor) {
        boolean may = roleRefusal(actor).isEmpty() && stateRefusal(group).isEmpty();
        return new GroupPermissions(may, may, may);
    }

    /**
     * A group is handled once: attached (to the claim it became or an existing one) or dismissed.
     * An attached group stays with its claim, since its tips' answers follow that claim; a dismissed
     * one is final too, so that its requesters' status does not flip back and forth.
     */
    private static Optional<String> stateRefusal(TipGroup group) {
        if (group.claimId != null) {
            return Optional.of("is attached to claim " + group.claimId);
        }
        if (group.dismissedAt != null) {
            return Optional.of("was dismissed");
        }
        return Optional.empty();
    }
}
