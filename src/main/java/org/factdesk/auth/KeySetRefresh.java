package org.factdesk.auth;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcResponseFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Quarkus OIDC fetches the realm's keys at start and again when a token names a key it does not know (a rotation).
 * Whenever a key set arrives, every remembered token is forgotten: each is verified again against the keys the
 * realm has now, so one signed by a removed key is refused from then on, exactly as without the memory.
 */
@ApplicationScoped
@Unremovable // nothing injects it: Quarkus OIDC looks its filters up
@OidcEndpoint(OidcEndpoint.Type.JWKS)
class KeySetRefresh implements OidcResponseFilter {

    @Inject
    VerifiedTokens tokens;

    @Override
    public void filter(OidcResponseContext response) {
        tokens.forgetAll();
    }
}
