package io.aide.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import io.aide.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The portal's client {@code aide-portal} at the realm: the authorization request of the code flow with PKCE, the
 * code, password and refresh grants at the token endpoint (back channel), and the logout that ends the realm session.
 */
@ApplicationScoped
public class KeycloakClient {
    private final GatewayConfig config;
    private final HttpClient http;

    public KeycloakClient(Vertx vertx, GatewayConfig config) {
        this.config = config;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    public record TokenResponse(int status, JsonNode body) {
        public boolean ok() {
            return status == 200 && body != null && body.hasNonNull("access_token");
        }
    }

    public Uni<TokenResponse> passwordGrant(String username, String password) {
        return token("grant_type=password&client_id=" + enc(config.portalClientId()) + "&username=" + enc(username)
                + "&password=" + enc(password) + "&scope=openid");
    }

    /** Exchanges an authorization code; the realm checks the verifier against the challenge of the request. */
    public Uni<TokenResponse> codeGrant(String code, String redirectUri, String verifier) {
        return token("grant_type=authorization_code&client_id=" + enc(config.portalClientId()) + "&code=" + enc(code)
                + "&redirect_uri=" + enc(redirectUri) + "&code_verifier=" + enc(verifier));
    }

    /**
     * Where the browser is sent to log in: the realm's authorization endpoint as the browser reaches it
     * ({@code aide.gateway.oidc-public-url}, else the realm URL), with an S256 challenge of the verifier.
     */
    public String authorizationUrl(String state, String challenge, String redirectUri) {
        String realm = config.oidcPublicUrl().filter(url -> !url.isBlank()).orElse(config.oidcUrl());
        realm = realm.endsWith("/") ? realm.substring(0, realm.length() - 1) : realm;
        return realm + "/protocol/openid-connect/auth?response_type=code&client_id=" + enc(config.portalClientId())
                + "&redirect_uri=" + enc(redirectUri) + "&scope=openid&state=" + enc(state)
                + "&code_challenge=" + enc(challenge) + "&code_challenge_method=S256";
    }

    public Uni<TokenResponse> refreshGrant(String refreshToken) {
        return token("grant_type=refresh_token&client_id=" + enc(config.portalClientId()) + "&refresh_token="
                + enc(refreshToken));
    }

    /** Ends the Keycloak session the refresh token belongs to, so neither it nor its access tokens can be renewed. */
    public Uni<Integer> logout(String refreshToken) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(realmUrl() + "/protocol/openid-connect/logout")
                .setTimeout(10_000)
                .putHeader("Content-Type", "application/x-www-form-urlencoded");
        String form = "client_id=" + enc(config.portalClientId()) + "&refresh_token=" + enc(refreshToken);
        return Uni.createFrom().completionStage(() -> http.request(options)
                .compose(request -> request.send(form))
                .map(response -> response.statusCode())
                .toCompletionStage());
    }

    private Uni<TokenResponse> token(String form) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(realmUrl() + "/protocol/openid-connect/token")
                .setTimeout(10_000)
                .putHeader("Content-Type", "application/x-www-form-urlencoded");
        return Uni.createFrom().completionStage(() -> http.request(options)
                .compose(request -> request.send(form))
                .compose(response -> response.body().map(body -> new TokenResponse(response.statusCode(),
                        parse(body.toString()))))
                .toCompletionStage());
    }

    public String realmUrl() {
        String url = config.oidcUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static JsonNode parse(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
