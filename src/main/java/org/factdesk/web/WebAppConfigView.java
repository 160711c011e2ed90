package org.factdesk.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.factdesk.common.HttpUrl;

/** From the deployment's configuration: URLs, and a Keycloak client id (Keycloak keeps those in 255 characters). */
public record WebAppConfigView(@Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String oidcAuthority,
                               @Schema(maxLength = 255) String oidcClientId,
                               @Schema(maxLength = HttpUrl.MAX_LENGTH, format = "uri") String publicBaseUrl) {
}
