package io.aide.gateway.session;

import io.aide.gateway.audit.AuditRecorder;
import io.aide.gateway.client.KeycloakClient;
import io.aide.gateway.config.GatewayConfig;
import io.aide.gateway.rest.GatewayException;
import io.aide.gateway.service.Caller;
import io.aide.gateway.service.CallerResolver;
import io.aide.gateway.service.RateLimiter;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * The browser session: a password login for tools without a browser (the portal logs in by the authorization code
 * flow, {@link PortalLoginResource}), its renewal and the logout that ends the realm session. Scripts use bearer
 * tokens from Keycloak directly, or API keys.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session")
public class SessionResource {
    private static final Logger LOG = Logger.getLogger(SessionResource.class);
    static final String REFRESH_COOKIE = SessionCookies.REFRESH_COOKIE;

    private final KeycloakClient keycloak;
    private final GatewayConfig config;
    private final RateLimiter rateLimiter;
    private final SessionCookies cookies;
    private final TenantIdentityProvider tokens;

    public SessionResource(KeycloakClient keycloak, GatewayConfig config, RateLimiter rateLimiter,
                           SessionCookies cookies, TenantIdentityProvider tokens) {
        this.keycloak = keycloak;
        this.config = config;
        this.rateLimiter = rateLimiter;
        this.cookies = cookies;
        this.tokens = tokens;
    }

    /**
     * The caller. {@code expiresIn}: seconds until the access token of this request expires (null for an API key),
     * so the portal renews its session ahead of it without reading a token.
     */
    public record Me(String user, String tenant, Set<String> roles, Long expiresIn) {
    }

    @POST
    @Path("/session")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with user name and password (tools without a browser; the portal signs in through "
            + "GET /session/login); sets the HttpOnly session cookies")
    public Uni<Response> login(SessionRequest request, @Context RoutingContext ctx) {
        if (request == null || blank(request.username()) || blank(request.password())) {
            throw GatewayException.badRequest("invalid_request", "username and password are required.");
        }
        AuditRecorder.actor(ctx, request.username(), null);
        // besides the bucket per client address (HttpFilters): one account guessed at from many addresses
        return rateLimiter.acquireLogin("user:" + request.username().trim().toLowerCase())
                .invoke(wait -> {
                    if (wait > 0L) {
                        throw new GatewayException(429, "rate_limited:login", "Too many login attempts",
                                "Too many login attempts for this user; retry after " + wait + " s.", wait);
                    }
                })
                .flatMap(ignored -> keycloak.passwordGrant(request.username(), request.password()))
                .onFailure(e -> !(e instanceof GatewayException))
                .transform(e -> GatewayException.downstream("keycloak", e.getMessage()))
                .map(token -> ok(cookies.issue(token, request.username(),
                        "User name or password is wrong for realm 'aide'.", ctx)));
    }

    @POST
    @Path("/session/refresh")
    @Operation(summary = "Renew the session cookie with the refresh cookie, before the access token expires")
    public Uni<Response> refresh(@CookieParam(REFRESH_COOKIE) String refreshToken, @Context RoutingContext ctx) {
        if (blank(refreshToken)) {
            throw new GatewayException(401, "session_expired", "Session expired", "Log in again.");
        }
        return keycloak.refreshGrant(refreshToken)
                .onFailure().transform(e -> GatewayException.downstream("keycloak", e.getMessage()))
                .map(token -> ok(cookies.issue(token, null, "The session ended; log in again.", ctx)));
    }

    private static Response ok(SessionCookies.Issued issued) {
        Response.ResponseBuilder response = Response.ok(issued.session());
        issued.cookies().forEach(cookie -> response.header("Set-Cookie", cookie));
        return response.build();
    }

    @DELETE
    @Path("/session")
    @Operation(summary = "Log out: ends the Keycloak session (the refresh token can no longer mint tokens) and clears the cookies")
    public Uni<Response> logout(@CookieParam(REFRESH_COOKIE) String refreshToken, @Context RoutingContext ctx) {
        Uni<Integer> ended = blank(refreshToken) ? Uni.createFrom().item(204) : keycloak.logout(refreshToken)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("the realm could not end the session: %s", e.getMessage());
                    return 503;
                });
        return whoLogsOut(ctx).flatMap(ignored -> ended).map(status -> {
            if (status >= 500) {
                // the cookies are cleared anyway; the session then ends at its idle timeout
                LOG.warnf("logout endpoint answered %d", status);
            }
            Response.ResponseBuilder response = Response.noContent();
            cookies.cleared().forEach(cookie -> response.header("Set-Cookie", cookie));
            return response.build();
        });
    }

    /**
     * Names the user of a logout in the audit log: the access cookie, verified like any bearer token (the session
     * paths do not authenticate, so an expired cookie never stands in the way of logging out).
     */
    private Uni<Void> whoLogsOut(RoutingContext ctx) {
        io.vertx.core.http.Cookie access = ctx.request().getCookie(config.cookie().name());
        if (access == null || blank(access.getValue())) {
            return Uni.createFrom().voidItem();
        }
        return tokens.authenticate(new AccessTokenCredential(access.getValue()))
                .invoke(identity -> CallerResolver.resolve(identity)
                        .ifPresent(caller -> AuditRecorder.actor(ctx, caller.user(), caller.tenant())))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @GET
    @Path("/me")
    @Operation(summary = "The caller: user name, tenant, roles and the seconds its access token has left")
    public Me me(@Context RoutingContext ctx) {
        Caller caller = CallerResolver.from(ctx);
        Long expiresIn = null;
        if (ctx.user() instanceof QuarkusHttpUser user
                && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            expiresIn = Math.max(0L, jwt.getExpirationTime() - System.currentTimeMillis() / 1000);
        }
        return new Me(caller.user(), caller.tenant(), caller.roles(), expiresIn);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
