package io.aide.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import io.aide.gateway.audit.AuditRecorder;
import io.aide.gateway.client.KeycloakClient;
import io.aide.gateway.config.GatewayConfig;
import io.aide.gateway.service.Caller;
import io.aide.gateway.service.CallerResolver;
import io.aide.gateway.service.RateLimiter;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Browser login. The access token lives in an HttpOnly cookie, since EventSource cannot send an
 * Authorization header; scripts use bearer tokens from Keycloak directly.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session")
public class SessionResource {
    private static final Logger LOG = Logger.getLogger(SessionResource.class);
    /** Only sent to /api/v1/session, so the long-lived refresh token never travels with API calls. */
    static final String REFRESH_COOKIE = "aide_refresh";

    private final KeycloakClient keycloak;
    private final GatewayConfig config;
    private final RateLimiter rateLimiter;

    public SessionResource(KeycloakClient keycloak, GatewayConfig config, RateLimiter rateLimiter) {
        this.keycloak = keycloak;
        this.config = config;
        this.rateLimiter = rateLimiter;
    }

    public record Me(String user, String tenant, Set<String> roles) {
    }

    public record Session(String user, String tenant, Set<String> roles, long expiresIn) {
    }

    @POST
    @Path("/session")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with user name and password; sets the HttpOnly session cookie")
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
                .map(token -> session(token, request.username(), "User name or password is wrong for realm 'aide'.", ctx));
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
                .map(token -> session(token, null, "The session ended; log in again.", ctx));
    }

    private Response session(KeycloakClient.TokenResponse token, String username, String refusal, RoutingContext ctx) {
        if (token.status() == 400 || token.status() == 401) {
            throw new GatewayException(401, username == null ? "session_expired" : "invalid_credentials",
                    "Login failed", refusal);
        }
        if (!token.ok()) {
            LOG.warnf("token endpoint answered %d", token.status());
            throw GatewayException.downstream("keycloak", "token endpoint answered " + token.status());
        }
        String accessToken = token.body().path("access_token").asText();
        long expiresIn = token.body().path("expires_in").asLong(300);
        JsonNode claims = claims(accessToken);
        String user = claims.path("preferred_username").asText(username);
        String tenant = claims.path("tenant").isArray() ? claims.path("tenant").path(0).asText(null)
                : claims.path("tenant").asText(null);
        if (blank(tenant)) {
            throw new GatewayException(403, "tenant_missing", "Forbidden", "User '" + user
                    + "' has no tenant; ask an administrator to assign one.");
        }
        if (ctx != null) {
            AuditRecorder.actor(ctx, user, tenant);
        }
        Set<String> roles = new TreeSet<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        Response.ResponseBuilder response = Response.ok(new Session(user, tenant, roles, expiresIn))
                .header("Set-Cookie", cookie(config.cookie().name(), accessToken, "/", expiresIn));
        String refreshToken = token.body().path("refresh_token").asText(null);
        if (!blank(refreshToken)) {
            response.header("Set-Cookie", cookie(REFRESH_COOKIE, refreshToken, "/api/v1/session",
                    token.body().path("refresh_expires_in").asLong(1800)));
        }
        return response.build();
    }

    @DELETE
    @Path("/session")
    @Operation(summary = "Log out: ends the Keycloak session (the refresh token can no longer mint tokens) and clears the cookies")
    public Uni<Response> logout(@CookieParam(REFRESH_COOKIE) String refreshToken) {
        Uni<Integer> ended = blank(refreshToken) ? Uni.createFrom().item(204) : keycloak.logout(refreshToken)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("the realm could not end the session: %s", e.getMessage());
                    return 503;
                });
        return ended.map(status -> {
            if (status >= 500) {
                // the cookies are cleared anyway; the session then ends at its idle timeout
                LOG.warnf("logout endpoint answered %d", status);
            }
            return Response.noContent().header("Set-Cookie", cookie(config.cookie().name(), "", "/", 0))
                    .header("Set-Cookie", cookie(REFRESH_COOKIE, "", "/api/v1/session", 0)).build();
        });
    }

    @GET
    @Path("/me")
    @Operation(summary = "The caller: user name, tenant and roles")
    public Me me(@Context RoutingContext ctx) {
        Caller caller = CallerResolver.from(ctx);
        return new Me(caller.user(), caller.tenant(), caller.roles());
    }

    String cookie(String name, String value, String path, long maxAge) {
        List<String> parts = new ArrayList<>(List.of(name + "=" + value, "Path=" + path,
                "Max-Age=" + maxAge, "HttpOnly", "SameSite=Strict"));
        if (config.cookie().secure()) {
            parts.add("Secure");
        }
        return String.join("; ", parts);
    }

    /** Claims of a token that just came from the realm's own token endpoint over the back channel. */
    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return EventJson.mapper().createObjectNode();
        }
        try {
            return EventJson.mapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return EventJson.mapper().createObjectNode();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
