package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal's login by authorization code with PKCE against the running gateway and the real Keycloak: the realm's
 * own login page, the callback, the state and the verifier kept by the gateway, logout ending the realm session, and
 * every login, renewal and logout in the tenant's audit log.
 */
class PortalLoginIT {
    private static final String CALLBACK = Stack.GATEWAY + "/api/v1/session/callback";

    @Test
    void shouldSignInThroughTheRealmsLoginPageAndLandOnThePortalPathAskedFor() {
        // Given
        PortalBrowser browser = new PortalBrowser();
        HttpResponse<String> started = browser.startLogin("/documents?tab=recent");

        // When
        String callback = browser.signInAtTheRealm("/documents?tab=recent", "alice", "alice");
        HttpResponse<String> landed = browser.get(callback);
        HttpResponse<String> me = browser.get("/api/v1/me");

        // Then
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(PortalBrowser.query(PortalBrowser.location(started)))
                .containsEntry("code_challenge_method", "S256").containsEntry("client_id", "aide-portal")
                .containsEntry("redirect_uri", CALLBACK);
        assertThat(callback).startsWith(CALLBACK + "?");
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(303);
        assertThat(PortalBrowser.location(landed)).isEqualTo(Stack.GATEWAY + "/documents?tab=recent");
        assertThat(landed.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("aide_token=")
                .contains("HttpOnly").contains("SameSite=Strict"));
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode caller = Stack.json(me.body());
        assertThat(caller.path("user").asText()).isEqualTo("alice");
        assertThat(caller.path("tenant").asText()).isEqualTo("acme");
    }

    @Test
    void shouldRefuseATamperedStateWithoutSpoilingTheRealLogin() {
        // Given
        PortalBrowser browser = new PortalBrowser();
        String callback = browser.signInAtTheRealm("/", "alice", "alice");
        String state = PortalBrowser.query(callback).get("state");

        // When
        HttpResponse<String> tampered = browser.get(PortalBrowser.withParameter(callback, "state",
                state.substring(1) + "A"));
        HttpResponse<String> meAfterTampering = browser.get("/api/v1/me");
        HttpResponse<String> genuine = browser.get(callback);

        // Then
        assertThat(tampered.statusCode()).isEqualTo(303);
        assertThat(PortalBrowser.location(tampered)).isEqualTo(Stack.GATEWAY + "/?login_error=login_expired");
        assertThat(meAfterTampering.statusCode()).isEqualTo(401);
        assertThat(PortalBrowser.location(genuine)).isEqualTo(Stack.GATEWAY + "/");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldNotSignInASecondTimeWithTheSameCode() {
        // Given: alice signed in once
        PortalBrowser browser = new PortalBrowser();
        String callback = browser.signInAtTheRealm("/", "alice", "alice");
        assertThat(PortalBrowser.location(browser.get(callback))).isEqualTo(Stack.GATEWAY + "/");
        PortalBrowser attacker = new PortalBrowser();
        HttpResponse<String> attackersLogin = attacker.startLogin("/");
        String attackersState = PortalBrowser.query(PortalBrowser.location(attackersLogin)).get("state");

        // When: the same callback again, and the code under a login of another browser
        HttpResponse<String> replayed = browser.get(callback);
        HttpResponse<String> codeElsewhere = attacker.get(PortalBrowser.withParameter(callback, "state",
                attackersState));

        // Then
        assertThat(PortalBrowser.location(replayed)).isEqualTo(Stack.GATEWAY + "/?login_error=login_expired");
        assertThat(PortalBrowser.location(codeElsewhere)).isEqualTo(Stack.GATEWAY + "/?login_error=login_code_refused");
        assertThat(attacker.cookie("aide_token")).isNull();
        assertThat(attacker.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldNotExchangeACodeWithoutItsOwnVerifier() {
        // Given: two codes the realm issued for logins of this browser
        PortalBrowser browser = new PortalBrowser();
        String first = browser.signInAtTheRealm("/", "alice", "alice");
        String firstCode = PortalBrowser.query(first).get("code");

        // When: the code straight at the realm with a verifier of someone's choosing, and with none
        HttpResponse<String> guessed = tokenRequest(firstCode, "x".repeat(43));
        HttpResponse<String> withoutVerifier = tokenRequest(firstCode, null);
        // and a fresh code exchanged by the gateway under the verifier of another login of the same browser
        String second = browser.signInAtTheRealm("/", "alice", "alice");
        HttpResponse<String> third = browser.startLogin("/");
        String thirdState = PortalBrowser.query(PortalBrowser.location(third)).get("state");
        HttpResponse<String> crossed = browser.get(PortalBrowser.withParameter(second, "state", thirdState));

        // Then
        assertThat(guessed.statusCode()).as(guessed.body()).isEqualTo(400);
        assertThat(Stack.json(guessed.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(withoutVerifier.statusCode()).as(withoutVerifier.body()).isEqualTo(400);
        assertThat(PortalBrowser.location(crossed)).isEqualTo(Stack.GATEWAY + "/?login_error=login_code_refused");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseToSendTheBrowserAnywhereButThePortal() {
        // Given
        PortalBrowser browser = new PortalBrowser();
        List<String> answers = new ArrayList<>();

        // When
        for (String elsewhere : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "http:evil")) {
            HttpResponse<String> response = browser.startLogin(elsewhere);
            answers.add(response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("") + " "
                    + Stack.json(response.body()).path("code").asText() + " "
                    + response.headers().firstValue("Location").isPresent());
        }

        // Then
        assertThat(answers).containsOnly("400 application/problem+json invalid_return_to false");
    }

    @Test
    void shouldEndTheRealmSessionOnLogoutAndAuditLoginRenewalAndLogout() {
        // Given: alice signed in through the portal's flow, and her session renewed once
        PortalBrowser browser = new PortalBrowser();
        browser.get(browser.signInAtTheRealm("/", "alice", "alice"));
        String refreshToken = browser.cookie("aide_refresh");
        assertThat(refreshToken).isNotNull();
        HttpResponse<String> renewed = browser.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY
                + "/api/v1/session/refresh")).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        String renewedRefreshToken = browser.cookie("aide_refresh");

        // When
        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/api/v1/session"))
                .DELETE().build());

        // Then: the refresh cookie it held renews nothing, neither through the gateway nor at the realm
        assertThat(logout.statusCode()).isEqualTo(204);
        HttpResponse<String> replayed = Stack.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY
                        + "/api/v1/session/refresh")).header("Cookie", "aide_refresh=" + renewedRefreshToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(401);
        assertThat(Stack.json(replayed.body()).path("code").asText()).isEqualTo("session_expired");
        HttpResponse<String> atTheRealm = Stack.send(HttpRequest.newBuilder(URI.create(Stack.OIDC
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=aide-portal&refresh_token="
                        + PortalBrowser.enc(renewedRefreshToken))).build());
        assertThat(atTheRealm.statusCode()).as(atTheRealm.body()).isEqualTo(400);
        // and the realm asks for the password again instead of sending the browser straight back
        HttpResponse<String> again = browser.get(PortalBrowser.location(browser.startLogin("/")));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("kc-form-login");
        String anna = Stack.token("anna", "anna");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> page = Stack.get(anna, "/api/v1/admin/audit?actor=alice&limit=200");
            assertThat(page.statusCode()).isEqualTo(200);
            List<String> rows = new ArrayList<>();
            Stack.json(page.body()).path("items").forEach(e -> rows.add(e.path("action").asText() + " "
                    + e.path("outcome").asText() + " " + e.path("method").asText() + " " + e.path("path").asText()));
            assertThat(rows).contains("session.login ok GET /api/v1/session/callback",
                    "session.refresh ok POST /api/v1/session/refresh", "session.logout ok DELETE /api/v1/session");
        });
    }

    @Test
    void shouldKeepTheSessionPastTheAccessTokensLifespanWithTheRefreshCookieUntilLogout() {
        // Given: alice signed in; the access token's seconds left, as the portal learns them (the test realm gives
        // the portal client short-lived tokens, so the expiry is waited for here)
        PortalBrowser browser = new PortalBrowser();
        browser.get(browser.signInAtTheRealm("/", "alice", "alice"));
        HttpResponse<String> me = browser.get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        long expiresIn = Stack.json(me.body()).path("expiresIn").asLong(-1);
        assertThat(expiresIn).isBetween(1L, 900L);
        String expiredAccessToken = browser.cookie("aide_token");

        // When: the access token has expired
        await().atMost(Duration.ofSeconds(expiresIn + 30)).pollInterval(Duration.ofSeconds(2))
                .until(() -> browser.get("/api/v1/me").statusCode() == 401);
        HttpResponse<String> renewed = browser.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY
                + "/api/v1/session/refresh")).POST(HttpRequest.BodyPublishers.noBody()).build());

        // Then: the refresh cookie renewed the session, and a logout ends it for good
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(Stack.json(renewed.body()).path("expiresIn").asLong()).isPositive();
        assertThat(browser.cookie("aide_token")).isNotEqualTo(expiredAccessToken);
        HttpResponse<String> meAgain = browser.get("/api/v1/me");
        assertThat(meAgain.statusCode()).isEqualTo(200);
        assertThat(Stack.json(meAgain.body()).path("user").asText()).isEqualTo("alice");
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/api/v1/session")).DELETE().build())
                .statusCode()).isEqualTo(204);
        HttpResponse<String> afterLogout = Stack.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY
                        + "/api/v1/session/refresh")).header("Cookie", "aide_refresh=" + PortalBrowser.enc(
                        java.util.Objects.requireNonNull(renewedRefreshCookie(renewed))))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(afterLogout.statusCode()).as(afterLogout.body()).isEqualTo(401);
        assertThat(afterLogout.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private static String renewedRefreshCookie(HttpResponse<String> renewed) {
        return renewed.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("aide_refresh="))
                .map(c -> c.substring("aide_refresh=".length(), c.indexOf(';'))).findFirst().orElse(null);
    }

    private static HttpResponse<String> tokenRequest(String code, String verifier) {
        String form = "grant_type=authorization_code&client_id=aide-portal&code=" + PortalBrowser.enc(code)
                + "&redirect_uri=" + PortalBrowser.enc(CALLBACK)
                + (verifier == null ? "" : "&code_verifier=" + verifier);
        return Stack.send(HttpRequest.newBuilder(URI.create(Stack.OIDC + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }
}
