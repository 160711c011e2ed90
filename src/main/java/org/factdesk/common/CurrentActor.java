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
            String subject = identity.getPrincipal().getName();
            if (subject.length() > Limits.SUBJECT_MAX) {
                // OpenID Connect caps subjects at 255 characters; the API states that bound for every "who" it stores.
                throw Problems.unauthorized("The token's subject is longer than " + Limits.SUBJECT_MAX + " characters.");
            }
            actor = new Actor(subject, Set.copyOf(identity.getRoles()));
        }
        return actor;
    }
}
