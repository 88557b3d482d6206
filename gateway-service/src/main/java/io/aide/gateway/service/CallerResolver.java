package io.aide.gateway.service;

import io.aide.gateway.apikey.ApiKeyPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads the caller out of a verified token (the tenant comes only from its claim) or out of a valid API key. */
public final class CallerResolver {
    public static final String TENANT_CLAIM = "tenant";

    /** The caller of an authenticated request, or empty when the token carries no tenant. */
    public static Optional<Caller> resolve(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof ApiKeyPrincipal key) {
            return Optional.of(new Caller(key.getName(), key.tenant(), Set.copyOf(identity.getRoles())));
        }
        if (!(principal instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object tenant = jwt.getClaim(TENANT_CLAIM);
        if (tenant instanceof Collection<?> values) {
            tenant = values.isEmpty() ? null : values.iterator().next();
        }
        if (tenant instanceof JsonString json) {
            tenant = json.getString();
        }
        String tenantId = tenant == null ? null : tenant.toString().trim();
        if (tenantId == null || tenantId.isBlank()) {
            return Optional.empty();
        }
        String user = jwt.getClaim("preferred_username") != null ? jwt.getClaim("preferred_username").toString()
                : jwt.getName() != null ? jwt.getName() : jwt.getSubject();
        Set<String> roles = new TreeSet<>(identity.getRoles());
        return Optional.of(new Caller(user, tenantId, Set.copyOf(roles)));
    }

    /** The caller the request filter stored on the routing context. */
    public static Caller from(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        if (caller == null) {
            throw new IllegalStateException("no caller on " + ctx.request().path());
        }
        return caller;
    }

    private CallerResolver() {
    }
}
