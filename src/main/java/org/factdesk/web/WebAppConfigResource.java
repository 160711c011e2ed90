package org.factdesk.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.common.HttpUrl;

/**
 * What the web app needs to know at run time, so that one build serves every deployment: where
 * people sign in, as which client, and where the public pages live. Nothing secret.
 */
@Path("/config.json")
@PermitAll
public class WebAppConfigResource {

    /** From the deployment's configuration: URLs, and a Keycloak client id (Keycloak keeps those in 255 characters). */
    public record WebAppConfig(@Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String oidcAuthority,
                               @Schema(maxLength = 255) String oidcClientId,
                               @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String publicBaseUrl) {
    }

    @Inject
    SignInAuthority signIn;

    @Inject
    FactdeskConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public WebAppConfig config() {
        return new WebAppConfig(signIn.url().orElse(null), config.web().oidcClientId(), config.publisher().baseUrl());
    }
}
