package io.aide.gateway;

import com.github.tomakehurst.wiremock.matching.MatchResult;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's login by authorization code with PKCE, with WireMock as the realm's token endpoint (the e2e suite's
 * PortalLoginIT runs the same flow against the real Keycloak).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class PortalLoginTest {
    private static final String TOKEN_PATH = "/realms/aide/protocol/openid-connect/token";

    record Started(String state, String challenge, String redirectUri, String browserCookie, String location) {
    }

    static Started start(String returnTo) {
        Response response = given().redirects().follow(false).queryParam("return_to", returnTo)
                .get("/api/v1/session/login");
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(303);
        Map<String, String> query = query(response.header("Location"));
        return new Started(query.get("state"), query.get("code_challenge"), query.get("redirect_uri"),
                response.cookie("aide_login"), response.header("Location"));
    }

    static Response callback(Started login, String code, String browserCookie) {
        var request = given().redirects().follow(false).queryParam("state", login.state()).queryParam("code", code);
        if (browserCookie != null) {
            request.cookie("aide_login", browserCookie);
        }
        return request.get("/api/v1/session/callback");
    }

    /** The realm's token endpoint, answering only a code exchange whose verifier matches {@code challenge}. */
    static void realmExchanges(String code, String challenge, String accessToken) {
        GatewayTestResource.downstream().stubFor(post(urlEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + code))
                .andMatching(request -> MatchResult.of(challenge.equals(s256(query("?" + request.getBodyAsString())
                        .get("code_verifier")))))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + accessToken + "\",\"expires_in\":900,"
                                + "\"refresh_token\":\"refresh-" + code + "\",\"refresh_expires_in\":1800}")));
    }

    @Test
    void shouldSendTheBrowserToTheRealmWithAnS256ChallengeAndOnlyANonceInAnHttpOnlyCookie() {
        // When
        Response response = given().redirects().follow(false).queryParam("return_to", "/documents")
                .get("/api/v1/session/login");

        // Then
        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.header("Location");
        Map<String, String> query = query(location);
        assertThat(location).startsWith(GatewayTestResource.downstream().baseUrl()
                + "/realms/aide/protocol/openid-connect/auth?");
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "aide-portal")
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "code_challenge");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(query.get("state")).matches("[A-Za-z0-9_-]{43}");
        assertThat(URI.create(query.get("redirect_uri")).getPath()).isEqualTo("/api/v1/session/callback");
        String cookie = response.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("aide_login="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/api/v1/session/callback")
                .contains("Max-Age=600");
        assertThat(s256(response.cookie("aide_login"))).isNotEqualTo(query.get("code_challenge"));
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void shouldSignInAtTheCallbackWithTheVerifierOfThatLoginAndLandOnTheReturnPath() {
        // Given
        Started login = start("/documents?tab=recent");
        realmExchanges("code-1", login.challenge(), Tokens.alice());

        // When
        Response signedIn = callback(login, "code-1", login.browserCookie());

        // Then
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(URI.create(signedIn.header("Location")).getRawPath()).isEqualTo("/documents");
        assertThat(URI.create(signedIn.header("Location")).getRawQuery()).isEqualTo("tab=recent");
        List<String> cookies = signedIn.headers().getValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("aide_token=" + Tokens.alice().substring(0, 20))
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/;"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("aide_refresh=refresh-code-1")
                .contains("Path=/api/v1/session;"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("aide_login=;").contains("Max-Age=0"));
        given().cookie("aide_token", signedIn.cookie("aide_token")).get("/api/v1/me").then().statusCode(200);
        GatewayTestResource.downstream().verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withRequestBody(containing("redirect_uri=" + java.net.URLEncoder.encode(login.redirectUri(),
                        StandardCharsets.UTF_8))));
    }

    @Test
    void shouldTakeAStateOnlyOnce() {
        // Given
        Started login = start("/");
        realmExchanges("code-2", login.challenge(), Tokens.alice());
        assertThat(callback(login, "code-2", login.browserCookie()).header("Location")).doesNotContain("login_error");

        // When
        Response replayed = callback(login, "code-2", login.browserCookie());

        // Then
        assertThat(replayed.statusCode()).isEqualTo(303);
        assertThat(replayed.header("Location")).endsWith("/?login_error=login_expired");
        assertThat(replayed.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("aide_token="));
    }

    @Test
    void shouldRefuseAnUnknownStateAndACallbackFromAnotherBrowser() {
        // Given
        Started login = start("/");
        realmExchanges("code-from-another-browser", login.challenge(), Tokens.alice());
        Started other = start("/");

        // When
        Response tampered = callback(new Started(login.state() + "x", login.challenge(), login.redirectUri(),
                login.browserCookie(), login.location()), "code-from-another-browser", login.browserCookie());
        Response otherBrowser = callback(login, "code-from-another-browser", other.browserCookie());
        Response noCookie = callback(other, "code-from-another-browser", null);

        // Then
        assertThat(tampered.header("Location")).endsWith("/?login_error=login_expired");
        assertThat(otherBrowser.header("Location")).endsWith("/?login_error=login_browser_mismatch");
        assertThat(noCookie.header("Location")).endsWith("/?login_error=login_browser_mismatch");
        assertThat(List.of(tampered, otherBrowser, noCookie)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("aide_token="));
        });
        GatewayTestResource.downstream().verify(0, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withRequestBody(containing("code=code-from-another-browser")));
    }

    @Test
    void shouldSendTheRealmsRefusalAndARefusedCodeBackToThePortalNeverA5xx() {
        // Given
        Started denied = start("/");
        Started refusedCode = start("/");
        GatewayTestResource.downstream().stubFor(post(urlEqualTo(TOKEN_PATH))
                .withRequestBody(containing("code=code-refused"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}")));

        // When
        Response deniedAnswer = given().redirects().follow(false).cookie("aide_login", denied.browserCookie())
                .queryParam("state", denied.state()).queryParam("error", "access_denied")
                .queryParam("error_description", "User denied").get("/api/v1/session/callback");
        Response refusedAnswer = callback(refusedCode, "code-refused", refusedCode.browserCookie());
        Response missingEverything = given().redirects().follow(false).get("/api/v1/session/callback");

        // Then
        assertThat(deniedAnswer.header("Location")).endsWith("/?login_error=login_denied");
        assertThat(refusedAnswer.header("Location")).endsWith("/?login_error=login_code_refused");
        assertThat(missingEverything.header("Location")).endsWith("/?login_error=login_invalid");
        assertThat(List.of(deniedAnswer, refusedAnswer, missingEverything))
                .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(303));
    }

    @Test
    void shouldRefuseAReturnPathOutsideThePortal() {
        for (String elsewhere : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "evil",
                "/api/v1/documents", "/a\tb")) {
            // When
            Response response = given().redirects().follow(false).queryParam("return_to", elsewhere)
                    .get("/api/v1/session/login");

            // Then
            assertThat(response.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("code")).isEqualTo("invalid_return_to");
            assertThat(response.header("Location")).isNull();
        }
    }

    static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = url.substring(url.indexOf('?') + 1);
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static String s256(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
