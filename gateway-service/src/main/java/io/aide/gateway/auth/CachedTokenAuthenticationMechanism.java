package io.aide.gateway.auth;

import io.aide.gateway.apikey.ApiKeySecrets;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Ahead of OIDC's bearer mechanism: a bearer token this replica verified a moment ago ({@link VerifiedTokens}) is
 * answered with the identity that verification produced; any other is left to OIDC, which verifies it (and
 * {@link VerifiedTokensAugmentor} keeps the result). API keys are not cached: a revoked key must fail at once.
 */
@ApplicationScoped
public class CachedTokenAuthenticationMechanism implements HttpAuthenticationMechanism {
    /** Below the API key mechanism (2000), above OIDC's (1001). */
    static final int PRIORITY = 1500;
    private static final String BEARER = "Bearer ";

    private final VerifiedTokens tokens;

    public CachedTokenAuthenticationMechanism(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext ctx, IdentityProviderManager identityProviderManager) {
        String token = bearer(ctx);
        SecurityIdentity cached = token == null ? null : tokens.find(token);
        if (cached == null) {
            return Uni.createFrom().nullItem();
        }
        // the request's own routing context on the identity, as a fresh verification would put it
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(cached)
                .addAttribute(RoutingContext.class.getName(), ctx).build());
    }

    static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() || token.startsWith(ApiKeySecrets.PREFIX) ? null : token;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"aide\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
