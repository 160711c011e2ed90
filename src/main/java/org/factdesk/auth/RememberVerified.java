package org.factdesk.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Map;

/**
 * Remembers a token that OIDC has just verified (its request carries the digest {@link VerifiedTokens} left on a
 * miss), until the token's {@code exp}. It runs before any other augmentor, so that a remembered identity goes
 * through the same augmentation as a freshly verified one.
 */
@ApplicationScoped
class RememberVerified implements SecurityIdentityAugmentor {

    @Inject
    VerifiedTokens tokens;

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                                         Map<String, Object> attributes) {
        if (attributes.get(VerifiedTokens.DIGEST) instanceof String digest && !identity.isAnonymous()
                && attributes.get(VerifiedTokens.KEY_SETS) instanceof Long keySets
                && identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            tokens.remember(digest, keySets, identity, Instant.ofEpochSecond(token.getExpirationTime()));
        }
        return Uni.createFrom().item(identity);
    }
}
