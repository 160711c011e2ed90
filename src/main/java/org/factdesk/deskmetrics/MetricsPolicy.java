package org.factdesk.deskmetrics;

import org.factdesk.common.Actor;
import org.factdesk.common.Problems;
import org.factdesk.common.Roles;

/**
 * Whose figures a person may read, in one place: editors and admins read the desk's (and any one person's);
 * everyone else reads their own, the tickets they submitted. The web app reads the same rule from
 * {@code /api/me} ({@code deskFigures}).
 */
public final class MetricsPolicy {

    private MetricsPolicy() {
    }

    public static boolean seesDesk(Actor actor) {
        return actor.has(Roles.EDITOR) || actor.has(Roles.ADMIN);
    }

    /** The person whose figures to read: {@code requested} (null: the desk) for the desk's readers, else oneself. */
    static String person(Actor actor, String requested) {
        if (seesDesk(actor)) {
            return requested;
        }
        if (requested != null && !requested.equals(actor.subject())) {
            throw Problems.forbidden("Only editors and admins read another person's figures or the desk's.");
        }
        return actor.subject();
    }

    /**
     * {@link #person}, for the tickets behind {@code figure}: the backlog and the overdue are the desk's alone
     * (they are not anyone's own work), so they are refused in one person's figures.
     */
    static String personFor(Actor actor, String requested, String figure) {
        String person = person(actor, requested);
        if (person != null && DESK_ONLY.contains(figure)) {
            throw Problems.forbidden("The backlog is the desk's figure: editors and admins read it.");
        }
        return person;
    }

    private static final java.util.Set<String> DESK_ONLY = java.util.Set.of("backlog", "overdue");
}
