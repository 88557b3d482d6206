package io.aide.gateway.rest;

import io.aide.gateway.config.GatewayConfig;
import io.aide.gateway.service.Caller;
import io.aide.gateway.service.CallerResolver;
import io.aide.gateway.service.Correlation;
import io.aide.gateway.service.RateLimiter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.Optional;

/**
 * Edge handling of every request, around Quarkus' own security handlers: correlation id first, then the
 * session cookie turned into a bearer header before OIDC authenticates, then (after authorization) the
 * tenant check and the rate limit.
 */
@ApplicationScoped
public class HttpFilters {
    private static final Logger LOG = Logger.getLogger(HttpFilters.class);
    static final String API = "/api/v1/";
    static final String SESSION = "/api/v1/session";

    private final GatewayConfig config;
    private final RateLimiter rateLimiter;

    public HttpFilters(GatewayConfig config, RateLimiter rateLimiter) {
        this.config = config;
        this.rateLimiter = rateLimiter;
    }

    void register(@Observes Filters filters) {
        filters.register(this::correlate, SecurityHandlerPriorities.CORS + 100);
        filters.register(this::cookieToBearer, SecurityHandlerPriorities.AUTHENTICATION + 50);
        filters.register(this::tenantAndRateLimit, SecurityHandlerPriorities.AUTHORIZATION - 50);
    }

    void correlate(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String id = Correlation.sanitize(request.getHeader(Correlation.HEADER));
        request.headers().set(Correlation.HEADER, id);
        ctx.response().putHeader(Correlation.HEADER, id);
        MDC.put(Correlation.MDC_KEY, id);
        ctx.next();
    }

    /** EventSource cannot send headers, so the portal's HttpOnly cookie stands in for the bearer header. */
    void cookieToBearer(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.path().startsWith(API) && !request.path().startsWith(SESSION)
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            Cookie cookie = request.getCookie(config.cookie().name());
            if (cookie != null && !cookie.getValue().isBlank()) {
                request.headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + cookie.getValue());
            }
        }
        ctx.next();
    }

    void tenantAndRateLimit(RoutingContext ctx) {
        String path = ctx.request().path();
        if (!path.startsWith(API) || path.startsWith(SESSION)) {
            ctx.next();
            return;
        }
        QuarkusHttpUser user = ctx.user() instanceof QuarkusHttpUser u ? u : null;
        Optional<Caller> caller = CallerResolver.resolve(user == null ? null : user.getSecurityIdentity());
        if (caller.isEmpty()) {
            if (user == null || user.getSecurityIdentity().isAnonymous()) {
                Problems.write(ctx, 401, "unauthenticated", "Unauthenticated",
                        "Send a bearer token of realm 'aide' (Authorization header or the portal's session cookie).");
            } else {
                Problems.write(ctx, 403, "tenant_missing", "Forbidden",
                        "The token has no 'tenant' claim; ask an administrator to assign your user to a tenant.");
            }
            return;
        }
        ctx.put(Caller.CONTEXT_KEY, caller.get());
        MDC.put("tenant", caller.get().tenant());
        Context context = Vertx.currentContext();
        HttpServerRequest request = ctx.request();
        request.pause();
        rateLimiter.acquire(caller.get()).subscribe().with(wait -> context.runOnContext(ignored -> {
            if (wait == 0L) {
                request.resume();
                ctx.next();
            } else {
                ctx.response().putHeader("Retry-After", Long.toString(wait));
                Problems.write(ctx, 429, "rate_limited", "Too many requests",
                        "Tenant " + caller.get().tenant() + ", user " + caller.get().user()
                                + ": request rate limit reached; retry after " + wait + " s.");
            }
        }), failure -> context.runOnContext(ignored -> {
            // a Redis outage must not take the whole API down: let the request through
            LOG.warnf("rate limiter unavailable, request let through: %s", failure.getMessage());
            request.resume();
            ctx.next();
        }));
    }
}
