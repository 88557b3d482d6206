package io.aide.gateway.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import io.aide.gateway.audit.AuditRecorder;
import io.aide.gateway.client.KeycloakClient;
import io.aide.gateway.config.GatewayConfig;
import io.aide.gateway.rest.GatewayException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the realm's token answer into the browser session, the same for every way in (the portal's authorization
 * code flow, the password login, a renewal): the access token in an HttpOnly cookie on {@code /} (EventSource sends
 * it; it cannot send an Authorization header) and the refresh token in one sent only to {@code /api/v1/session}.
 */
@ApplicationScoped
public class SessionCookies {
    private static final Logger LOG = Logger.getLogger(SessionCookies.class);
    /** Only sent to /api/v1/session, so the long-lived refresh token never travels with API calls. */
    public static final String REFRESH_COOKIE = "aide_refresh";
    public static final String SESSION_PATH = "/api/v1/session";

    private final GatewayConfig config;

    public SessionCookies(GatewayConfig config) {
        this.config = config;
    }

    public record Session(String user, String tenant, Set<String> roles, long expiresIn) {
    }

    /** The session a token answer opens, and the Set-Cookie header values that carry it. */
    public record Issued(Session session, List<String> cookies) {
    }

    /**
     * The session of a token answer of the realm's token endpoint (back channel, so its claims are the realm's).
     *
     * @param username the user name the caller gave, when it gave one (password login); null otherwise
     * @param refusal  what a 400/401 of the token endpoint means to the caller
     */
    public Issued issue(KeycloakClient.TokenResponse token, String username, String refusal, RoutingContext ctx) {
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
        if (ctx != null) {
            AuditRecorder.actor(ctx, user, blank(tenant) ? null : tenant);
        }
        if (blank(tenant)) {
            throw new GatewayException(403, "tenant_missing", "Forbidden", "User '" + user
                    + "' has no tenant; ask an administrator to assign one.");
        }
        Set<String> roles = new TreeSet<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        List<String> cookies = new ArrayList<>();
        cookies.add(cookie(config.cookie().name(), accessToken, "/", expiresIn));
        String refreshToken = token.body().path("refresh_token").asText(null);
        if (!blank(refreshToken)) {
            cookies.add(cookie(REFRESH_COOKIE, refreshToken, SESSION_PATH,
                    token.body().path("refresh_expires_in").asLong(1800)));
        }
        return new Issued(new Session(user, tenant, roles, expiresIn), cookies);
    }

    /** The Set-Cookie values that end the session in the browser. */
    public List<String> cleared() {
        return List.of(cookie(config.cookie().name(), "", "/", 0), cookie(REFRESH_COOKIE, "", SESSION_PATH, 0));
    }

    /** An HttpOnly, SameSite=Strict cookie, Secure unless configured off for plain-http localhost. */
    public String cookie(String name, String value, String path, long maxAge) {
        return cookie(name, value, path, maxAge, "Strict");
    }

    public String cookie(String name, String value, String path, long maxAge, String sameSite) {
        List<String> parts = new ArrayList<>(List.of(name + "=" + value, "Path=" + path,
                "Max-Age=" + maxAge, "HttpOnly", "SameSite=" + sameSite));
        if (config.cookie().secure()) {
            parts.add("Secure");
        }
        return String.join("; ", parts);
    }

    /** Claims of a token that just came from the realm's own token endpoint over the back channel. */
    static JsonNode claims(String jwt) {
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

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
