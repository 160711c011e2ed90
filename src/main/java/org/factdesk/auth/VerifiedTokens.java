package org.factdesk.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.factdesk.common.FactdeskConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Bearer tokens this server has verified, remembered until they expire: a person's next requests with the same
 * token skip the signature check and the parsing of its claims (the largest cost of a small request when
 * profiled). Nothing is weakened:
 * <ul>
 * <li>a token is found by the SHA-256 of all of it, signature included: a copy with any byte changed is another
 * token, verified afresh by Quarkus OIDC (and refused);</li>
 * <li>a remembered token is served only before its {@code exp}, the instant OIDC's own check refuses it from;</li>
 * <li>everything is forgotten whenever the identity provider's key set is fetched again ({@link KeySetRefresh}):
 * a token signed by a key the realm no longer has is then verified against the new set, and refused; a
 * verification that began before that fetch is not remembered at all.</li>
 * </ul>
 * This provider asks first ({@link #priority()} above OIDC's); on a miss it lets OIDC verify, and
 * {@link RememberVerified} keeps what OIDC returned.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** The request attribute that carries a token's digest from a miss here to {@link RememberVerified}. */
    static final String DIGEST = VerifiedTokens.class.getName() + ".digest";
    /** The request attribute that carries the key sets' count at that miss. */
    static final String KEY_SETS = VerifiedTokens.class.getName() + ".key-sets";

    /** Attributes of the request that verified a token; a remembered identity takes each request's own. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String BLOCKING_API = AuthenticationRequestContext.class.getName();

    private record Verified(SecurityIdentity identity, Instant expiresAt) {}

    private final Cache<String, Verified> remembered;
    private final boolean enabled;
    /** Key sets fetched so far: a verification that began under an earlier one is not remembered. */
    private volatile long keySets;

    @Inject
    VerifiedTokens(FactdeskConfig config, MeterRegistry registry) {
        int size = config.http().verifiedTokens();
        enabled = size > 0;
        remembered = CaffeineCacheMetrics.monitor(registry, Caffeine.newBuilder().maximumSize(size).recordStats()
                .expireAfter(Expiry.<String, Verified>creating((digest, verified) ->
                        Duration.between(Instant.now(), verified.expiresAt())))
                .build(), "verified-tokens");
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1; // before Quarkus OIDC's provider, which has the default
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!enabled || routing == null) {
            return Uni.createFrom().nullItem();
        }
        String digest = digest(request.getToken().getToken());
        Verified verified = remembered.getIfPresent(digest);
        if (verified == null || !Instant.now().isBefore(verified.expiresAt())) {
            request.setAttribute(DIGEST, digest);
            request.setAttribute(KEY_SETS, keySets);
            return Uni.createFrom().nullItem(); // OIDC verifies it
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(verified.identity())
                .addAttribute(ROUTING_CONTEXT, routing)
                .addAttribute(BLOCKING_API, routing.get(BLOCKING_API))
                .build());
    }

    /**
     * Keeps what OIDC verified, without the verifying request's own attributes (they would outlive it), unless the
     * realm's keys were fetched again since the verification began (it may have used the keys before them).
     */
    synchronized void remember(String digest, long keySetsThen, SecurityIdentity identity, Instant expiresAt) {
        if (keySetsThen == keySets && Instant.now().isBefore(expiresAt)) {
            remembered.put(digest, new Verified(QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(ROUTING_CONTEXT, null).addAttribute(BLOCKING_API, null).build(), expiresAt));
        }
    }

    synchronized void forgetAll() {
        keySets++;
        remembered.invalidateAll();
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
    }
}
