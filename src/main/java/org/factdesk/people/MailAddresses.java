package org.factdesk.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.Optional;

/**
 * People's e-mail addresses, asked of Keycloak when a mail is sent: the desk directory and the desk's
 * tables keep none. Only an enabled account's verified address is used. Callers need a request context
 * (the Keycloak admin client is request-scoped).
 */
@ApplicationScoped
public class MailAddresses {

    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realm;

    /**
     * This person's verified address; empty when they have none or Keycloak does not know them. Fails
     * (an exception) when Keycloak cannot be asked, so the caller tries again later.
     */
    public Optional<String> of(String subject) {
        UserRepresentation user;
        try {
            user = keycloak.realm(realm).users().get(subject).toRepresentation();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        if (user == null || !Boolean.TRUE.equals(user.isEnabled()) || !Boolean.TRUE.equals(user.isEmailVerified())
                || user.getEmail() == null || user.getEmail().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(user.getEmail());
    }
}
