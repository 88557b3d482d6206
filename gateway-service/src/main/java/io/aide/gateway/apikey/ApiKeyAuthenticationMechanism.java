package io.aide.gateway.apikey;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * API keys ({@code X-Api-Key: aide_...} or {@code Authorization: Bearer aide_...}) ahead of OIDC: a request that
 * presents no API key is left to the bearer-token mechanism.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {
    /** Above OIDC's 1001: an {@code aide_} bearer is never sent to the JWT verifier. */
    static final int PRIORITY = 2000;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext ctx, IdentityProviderManager identityProviderManager) {
        String secret = ApiKeySecrets.presented(ctx.request());
        if (secret == null) {
            return Uni.createFrom().nullItem();
        }
        ApiKeyAuthenticationRequest request = new ApiKeyAuthenticationRequest(secret);
        HttpSecurityUtils.setRoutingContextAttribute(request, ctx);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"aide\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
