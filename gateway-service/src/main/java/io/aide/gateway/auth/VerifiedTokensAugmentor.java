package io.aide.gateway.auth;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Keeps each bearer token OIDC has just verified in {@link VerifiedTokens}, without the routing context of the request
 * that brought it (a later request gets its own). Runs after every other augmentor.
 */
@ApplicationScoped
public class VerifiedTokensAugmentor implements SecurityIdentityAugmentor {
    private final VerifiedTokens tokens;

    public VerifiedTokensAugmentor(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (tokens.enabled() && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken) {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            if (credential != null && credential.getToken() != null) {
                tokens.remember(credential.getToken(), QuarkusSecurityIdentity.builder(identity)
                        .addAttribute(RoutingContext.class.getName(), null).build());
            }
        }
        return Uni.createFrom().item(identity);
    }
}
