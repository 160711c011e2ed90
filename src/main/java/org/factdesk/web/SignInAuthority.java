package org.factdesk.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import org.factdesk.common.FactdeskConfig;

/**
 * Where browsers sign in: the server's own identity provider unless browsers reach it by another
 * address ({@code factdesk.web.oidc-authority}). The web app reads it from /config.json, and the
 * Content-Security-Policy lets the web app talk to it.
 */
@ApplicationScoped
public class SignInAuthority {

    @Inject
    FactdeskConfig config;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> serverAuthority;

    public Optional<String> url() {
        return config.web().oidcAuthority().or(() -> serverAuthority);
    }
}
