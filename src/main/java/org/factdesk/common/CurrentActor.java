package org.factdesk.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** The authenticated caller of the current request, as an {@link Actor}. */
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityIdentity identity;

    private Actor actor;

    public Actor get() {
        if (actor == null) {
            if (identity.isAnonymous()) {
                throw Problems.unauthorized();
            }
            actor = new Actor(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()));
        }
        return actor;
    }
}
