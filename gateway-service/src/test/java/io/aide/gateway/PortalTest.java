package io.aide.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
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
        // When / Then
        given().accept("text/html").get("/api/v1/nothing-here").then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(401), org.hamcrest.Matchers.is(404)))
                .contentType("application/problem+json")
                .body(org.hamcrest.Matchers.not(containsString("<div id=\"root\">")));
    }
}
