package io.aide.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class AuthTest {

    @Test
    void shouldRefuseAnInvalidTokenWith401AndNoStackTrace() {
        // When
        Response response = given().auth().oauth2("not-a-token").get("/api/v1/documents");

        // Then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body().asString()).doesNotContain("Exception");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("code")).isEqualTo("unauthorized:invalid_token");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void shouldRefuseARequestWithoutATokenWithAProblemSayingWhatToSend() {
        // When / Then
        given().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthorized:missing_token"))
                .body("detail", containsString("Authorization: Bearer"));
    }

    @Test
    void shouldTellTheCallerHowManySecondsItsAccessTokenHasLeft() {
        // Given: a token of the realm's usual shape (issued now, 300 s)
        String token = Tokens.alice();

        // When
        io.restassured.response.Response me = given().auth().oauth2(token).get("/api/v1/me");

        // Then: what the portal schedules its renewal by, never the token itself
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.jsonPath().getLong("expiresIn")).isBetween(240L, 300L);
        assertThat(me.body().asString()).doesNotContain(token);
    }

    @Test
    void shouldRefuseAVerifiedAndReusedTokenFromItsExpiryOn() throws Exception {
        // Given: a token expiring in 3 s, verified by its first request and reused by the second
        String token = Tokens.expiringIn("expiring-" + java.util.UUID.randomUUID(), "acme", 3);
        long expiresAtMillis = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.util.Base64
                .getUrlDecoder().decode(token.split("\\.")[1])).path("exp").asLong() * 1000L;
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);

        // When: the same token until it is refused
        long[] refusedAt = {0L};
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> {
                    int status = given().auth().oauth2(token).get("/api/v1/me").statusCode();
                    refusedAt[0] = System.currentTimeMillis();
                    return status == 401;
                });

        // Then: refused from its exp on, never later than the polling allows
        assertThat(refusedAt[0]).isBetween(expiresAtMillis, expiresAtMillis + 1_500L);
    }

    @Test
    void shouldRefuseATokenWithoutTenantWithAProblem() {
        // Given
        String token = Tokens.of("mallory", null);

        // When / Then
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("tenant_missing"))
                .body("detail", containsString("tenant"));
    }

    @Test
    void shouldTellTheCallerTheirTenantFromTheToken() {
        // When / Then
        given().auth().oauth2(Tokens.alice()).get("/api/v1/me").then().statusCode(200)
                .body("user", equalTo("alice"))
                .body("tenant", equalTo("acme"))
                .body("roles", hasItem("engineer"));
    }

    @Test
    void shouldLogInWithPasswordAndAuthenticateLaterCallsByCookie() {
        // Given: the realm accepts alice's password for the portal client
        String accessToken = Tokens.alice();
        GatewayTestResource.downstream().stubFor(post(urlEqualTo("/realms/aide/protocol/openid-connect/token"))
                .withRequestBody(containing("client_id=aide-portal"))
                .withRequestBody(containing("username=alice"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + accessToken + "\",\"expires_in\":900}")));

        // When
        Response login = given().contentType(ContentType.JSON).body("{\"username\":\"alice\",\"password\":\"alice\"}")
                .post("/api/v1/session");

        // Then
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.header("Set-Cookie")).contains("aide_token=" + accessToken).contains("HttpOnly")
                .contains("SameSite=Strict");
        given().cookie("aide_token", login.cookie("aide_token")).get("/api/v1/me").then().statusCode(200)
                .body("tenant", equalTo("acme"));
    }

    @Test
    void shouldRenewTheSessionWithTheRefreshCookie() {
        // Given: a refresh token the realm still honours
        String renewed = Tokens.of("anna", "acme");
        GatewayTestResource.downstream().stubFor(post(urlEqualTo("/realms/aide/protocol/openid-connect/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=refresh-anna"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + renewed + "\",\"expires_in\":900,"
                                + "\"refresh_token\":\"refresh-anna-2\",\"refresh_expires_in\":1800}")));

        // When
        Response refreshed = given().cookie("aide_refresh", "refresh-anna").post("/api/v1/session/refresh");

        // Then
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(refreshed.cookie("aide_token")).isEqualTo(renewed);
        assertThat(refreshed.cookie("aide_refresh")).isEqualTo("refresh-anna-2");
        assertThat(refreshed.jsonPath().getString("user")).isEqualTo("anna");
    }

    @Test
    void shouldEndTheKeycloakSessionOnLogoutAndClearTheCookies() {
        // Given: the realm's logout endpoint
        GatewayTestResource.downstream().stubFor(post(urlEqualTo("/realms/aide/protocol/openid-connect/logout"))
                .withRequestBody(containing("refresh_token=refresh-to-revoke"))
                .willReturn(aResponse().withStatus(204)));

        // When
        Response logout = given().cookie("aide_refresh", "refresh-to-revoke").delete("/api/v1/session");

        // Then
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("aide_token=;")
                .contains("Max-Age=0").contains("HttpOnly")).anySatisfy(c -> assertThat(c).startsWith("aide_refresh=;"));
        GatewayTestResource.downstream().verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlEqualTo("/realms/aide/protocol/openid-connect/logout"))
                .withRequestBody(containing("refresh_token=refresh-to-revoke"))
                .withRequestBody(containing("client_id=aide-portal")));
    }

    @Test
    void shouldAnswerARefreshWithoutCookieWith401() {
        // When / Then
        given().post("/api/v1/session/refresh").then().statusCode(401)
                .body("code", equalTo("session_expired"));
    }

    @Test
    void shouldAnswerWrongPasswordsWith401Problem() {
        // Given
        GatewayTestResource.downstream().stubFor(post(urlEqualTo("/realms/aide/protocol/openid-connect/token"))
                .withRequestBody(containing("username=eve"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\"}")));

        // When / Then
        given().contentType(ContentType.JSON).body("{\"username\":\"eve\",\"password\":\"guess\"}")
                .post("/api/v1/session").then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_credentials"))
                .header("Set-Cookie", not(containsString("aide_token=ey")));
    }

    @Test
    void shouldClearTheCookieOnLogout() {
        // When / Then
        given().delete("/api/v1/session").then().statusCode(204)
                .header("Set-Cookie", containsString("Max-Age=0"));
    }
}
