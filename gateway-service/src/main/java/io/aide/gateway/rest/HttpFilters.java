package io.aide.gateway.rest;

import io.aide.gateway.config.GatewayConfig;
import io.aide.gateway.net.ClientAddress;
import io.aide.gateway.service.Caller;
import io.aide.gateway.service.CallerResolver;
import io.aide.gateway.service.Correlation;
import io.aide.gateway.service.RateLimiter;
import io.aide.gateway.service.RolePolicy;
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
    static final String LOGIN = SESSION + "/login";
    static final String CALLBACK = SESSION + "/callback";

    private final GatewayConfig config;
    private final RateLimiter rateLimiter;
    private final ClientAddress clientAddress;

    public HttpFilters(GatewayConfig config, RateLimiter rateLimiter, ClientAddress clientAddress) {
        this.config = config;
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
    }

    void register(@Observes Filters filters) {
        filters.register(this::correlate, SecurityHandlerPriorities.CORS + 100);
        filters.register(this::edge, SecurityHandlerPriorities.CORS + 90);
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

    /**
     * Password guessing (POST /session) and portal sign-ins (GET /session/login, /session/callback) are slowed per
     * client address (behind a trusted proxy the address it forwards for, {@link ClientAddress}), each in its own
     * bucket; a refusal looks the same whatever the user name.
     */
    private void limitLogins(RoutingContext ctx, boolean portalFlow) {
        Context context = Vertx.currentContext();
        HttpServerRequest request = ctx.request();
        String address = clientAddress.of(ctx);
        request.pause();
        (portalFlow ? rateLimiter.acquireLoginFlow(address) : rateLimiter.acquireLogin(address))
                .subscribe().with(wait -> context.runOnContext(ignored -> {
            if (wait == 0L) {
                request.resume();
                ctx.next();
            } else {
                ctx.response().putHeader("Retry-After", Long.toString(wait));
                Problems.write(ctx, 429, "rate_limited:login", "Too many login attempts",
                        "Too many login attempts from this address; retry after " + wait + " s.");
            }
        }), failure -> context.runOnContext(ignored -> {
            ctx.response().putHeader("Retry-After", "1");
            Problems.write(ctx, 503, "rate_limiter_unavailable", "Service unavailable",
                    "The login rate could not be checked; retry in a second.");
        }));
    }

    /** Bad paths and ids never reach authentication, a route or a database: 4xx problem+json at once. */
    void edge(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        EdgeGuard.Refusal refusal = EdgeGuard.check(request.uri(), request.path());
        if (refusal != null) {
            Problems.write(ctx, refusal.status(), refusal.code(), refusal.title(), refusal.detail());
            return;
        }
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
        // password guessing; the portal's login is guessed at on the realm's own page (brute force detection there)
        if (path.equals(SESSION) && ctx.request().method() == io.vertx.core.http.HttpMethod.POST) {
            limitLogins(ctx, false);
            return;
        }
        if ((path.equals(LOGIN) || path.equals(CALLBACK)) && ctx.request().method() == io.vertx.core.http.HttpMethod.GET) {
            limitLogins(ctx, true);
            return;
        }
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
        RolePolicy.Refusal roleRefusal = RolePolicy.refusal(caller.get(), ctx.request().method().name(), path);
        if (roleRefusal != null) {
            Problems.write(ctx, 403, roleRefusal.code(), "Forbidden", roleRefusal.detail());
            return;
        }
        MDC.put("tenant", caller.get().tenant());
        Context context = Vertx.currentContext();
        HttpServerRequest request = ctx.request();
        request.pause();
        boolean expensive = RateLimiter.isExpensive(request.method().name(), path);
        rateLimiter.acquire(caller.get())
                .flatMap(wait -> wait == 0L && expensive
                        ? rateLimiter.acquireExpensive(caller.get()).map(tenantWait -> -tenantWait)
                        : io.smallrye.mutiny.Uni.createFrom().item(wait))
                .subscribe().with(wait -> context.runOnContext(ignored -> {
            if (wait == 0L) {
                request.resume();
                ctx.next();
            } else if (wait < 0L) {
                ctx.response().putHeader("Retry-After", Long.toString(-wait));
                Problems.write(ctx, 429, "rate_limited:tenant", "Too many requests",
                        "Tenant " + caller.get().tenant() + " has started too many uploads, generations and "
                                + "refinements at once (all its users and API keys together); retry after " + -wait
                                + " s.");
            } else {
                ctx.response().putHeader("Retry-After", Long.toString(wait));
                Problems.write(ctx, 429, "rate_limited", "Too many requests",
                        "Tenant " + caller.get().tenant() + ", user " + caller.get().user()
                                + ": request rate limit reached; retry after " + wait + " s.");
            }
        }), failure -> context.runOnContext(ignored -> {
            // the limiter falls back to a local bucket itself; anything else here is a defect: refuse, never wave through
            LOG.warnf("rate limiter failed: %s", failure.getMessage());
            ctx.response().putHeader("Retry-After", "1");
            Problems.write(ctx, 503, "rate_limiter_unavailable", "Service unavailable",
                    "The request rate could not be checked; retry in a second.");
        }));
    }
}
