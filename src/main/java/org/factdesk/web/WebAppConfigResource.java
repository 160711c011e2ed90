package org.factdesk.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.factdesk.common.FactdeskConfig;

/**
 * What the web app needs to know at run time, so that one build serves every deployment: where
 * people sign in, as which client, and where the public pages live. Nothing secret.
 */
@Path("/config.json")
@PermitAll
public class WebAppConfigResource {

    @Inject
    SignInAuthority signIn;

    @Inject
    FactdeskConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public WebAppConfigView config() {
        return new WebAppConfigView(signIn.url().orElse(null), config.web().oidcClientId(), config.publisher().baseUrl());
    }
}
