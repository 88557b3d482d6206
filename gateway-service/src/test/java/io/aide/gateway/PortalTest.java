package io.aide.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class PortalTest {

    @Test
    void shouldServeThePortalAtTheRootWithoutLogin() {
        // When / Then
        given().accept("text/html").get("/").then().statusCode(200).body(containsString("<div id=\"root\">"));
    }

    @Test
    void shouldServeThePortalWithSecurityHeaders() {
        // When / Then
        given().accept("text/html").get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("worker-src 'self' blob:"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    @Test
    void shouldNotAllowACrossOriginCallFromAnUnconfiguredOrigin() {
        // When / Then
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/documents").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldServeThePortalForAReloadedClientSideRoute() {
        // When / Then
        given().accept("text/html").get("/documents/doc_42").then().statusCode(200)
                .body(containsString("<div id=\"root\">"));
    }

    @Test
    void shouldStillAnswerUnknownApiPathsAs401Or404NotWithThePortal() {
        // When
        io.restassured.response.Response anonymous = given().accept("text/html").get("/api/v1/nothing-here");
        io.restassured.response.Response signedIn = given().accept("text/html").auth().oauth2(Tokens.alice())
                .get("/api/v1/nothing-here");

        // Then: without a token the API path asks for one, with a token it is not found; neither is the portal
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(signedIn.statusCode()).isEqualTo(404);
        for (io.restassured.response.Response answer : java.util.List.of(anonymous, signedIn)) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().asString()).doesNotContain("<div id=\"root\">");
        }
    }
}
