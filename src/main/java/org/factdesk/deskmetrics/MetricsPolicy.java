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
}
