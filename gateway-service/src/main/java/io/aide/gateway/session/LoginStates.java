package io.aide.gateway.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import io.aide.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/**
 * Logins under way, between the redirect to the realm and its callback: kept in Redis under the OAuth {@code state}
 * (random, 256 bits), for {@code aide.gateway.login.timeout} (10 min), and taken exactly once. The PKCE verifier stays
 * here and never reaches the browser; the browser holds only a random nonce (an HttpOnly cookie) whose hash is stored
 * with the login, so a callback replayed in another browser does not match.
 */
@ApplicationScoped
public class LoginStates {
    static final String PREFIX = "aide:login:";

    private final ReactiveRedisDataSource redis;
    private final GatewayConfig config;

    public LoginStates(ReactiveRedisDataSource redis, GatewayConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /**
     * A login under way.
     *
     * @param verifier    the PKCE code verifier of its authorization request
     * @param browserHash S256 of the nonce in the browser's login cookie
     * @param redirectUri the redirect_uri sent to the realm (the token request must repeat it)
     * @param returnTo    the portal path to land on
     */
    public record Pending(String verifier, String browserHash, String redirectUri, String returnTo) {
    }

    public Uni<Void> put(String state, Pending pending) {
        String value = EventJson.toJson(Map.of("verifier", pending.verifier(), "browser", pending.browserHash(),
                "redirect_uri", pending.redirectUri(), "return_to", pending.returnTo()));
        return redis.value(String.class).setex(PREFIX + state, Math.max(1, config.login().timeout().toSeconds()), value);
    }

    /** The login of {@code state}, removed in the same step: a second callback with it finds nothing. */
    public Uni<Optional<Pending>> take(String state) {
        return redis.value(String.class).getdel(PREFIX + state).map(LoginStates::parse);
    }

    private static Optional<Pending> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = EventJson.mapper().readTree(stored);
            return Optional.of(new Pending(node.path("verifier").asText(), node.path("browser").asText(),
                    node.path("redirect_uri").asText(), node.path("return_to").asText(ReturnPath.HOME)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
