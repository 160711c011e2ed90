package org.factdesk.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.factdesk.publishing.PublisherConfig;

/**
 * What the web app needs to know at run time, so that one build serves every deployment: where
 * people sign in, as which client, and where the public pages live. Nothing secret.
 */
@Path("/config.json")
@PermitAll
public class WebAppConfigResource {

    @Inject
    SignInAuthority signIn;

    @ConfigProperty(name = "factdesk.web.oidc-client-id", defaultValue = "factdesk-web")
    String clientId;

    @Inject
    PublisherConfig publisher;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public WebAppConfigView config() {
        return new WebAppConfigView(signIn.url().orElse(null), clientId, publisher.baseUrl());
    }
}
