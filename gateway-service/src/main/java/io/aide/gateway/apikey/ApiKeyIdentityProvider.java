package io.aide.gateway.apikey;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Turns a presented API key into the identity of its tenant and role, or refuses it (unknown, expired, revoked). */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {
    private static final Logger LOG = Logger.getLogger(ApiKeyIdentityProvider.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    private final ApiKeyStore store;

    public ApiKeyIdentityProvider(ApiKeyStore store) {
        this.store = store;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext ctx = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context.runBlocking(() -> identity(request.secret(), ctx));
    }

    private SecurityIdentity identity(String secret, RoutingContext ctx) {
        ApiKey key = store.findBySecret(secret).orElse(null);
        Instant now = Instant.now();
        if (key == null) {
            throw refuse(ctx, new ApiKeyRefused(
                    "The API key is not known to this installation; ask a tenant administrator for a key.", null));
        }
        if (key.revokedAt() != null) {
            throw refuse(ctx, new ApiKeyRefused("The API key " + key.prefix() + "... ('" + key.name()
                    + "') was revoked at " + WHEN.format(key.revokedAt()) + "; ask a tenant administrator for a new key.",
                    key));
        }
        if (!key.expiresAt().isAfter(now)) {
            throw refuse(ctx, new ApiKeyRefused("The API key " + key.prefix() + "... ('" + key.name() + "') expired at "
                    + WHEN.format(key.expiresAt()) + "; ask a tenant administrator for a new key.", key));
        }
        try {
            store.touch(key.id());
        } catch (RuntimeException e) {
            LOG.warnf("last use of API key %s not noted: %s", key.id(), e.getMessage());
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new ApiKeyPrincipal(key.id(), key.name(), key.tenant()))
                .addRole(key.role())
                .build();
    }

    /** Leaves the refusal for the failure handler (its 401 problem) and the audit log. */
    private static AuthenticationFailedException refuse(RoutingContext ctx, ApiKeyRefused refused) {
        if (ctx != null) {
            ctx.put(ApiKeyRefused.CONTEXT_KEY, refused);
        }
        return new AuthenticationFailedException(refused.message());
    }
}
