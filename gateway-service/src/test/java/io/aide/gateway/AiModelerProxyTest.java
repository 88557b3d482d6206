package io.aide.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class AiModelerProxyTest {

    @Test
    void shouldProxyModelerSessionsToAiHubWithTheCallersTenantAndUser() {
        // Given
        GatewayTestResource.downstream().stubFor(post(urlEqualTo("/internal/v1/ai/modeler/sessions"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"conversationId\":\"conv_1\",\"source\":\"new\",\"restored\":false}")));
        GatewayTestResource.downstream().stubFor(delete(urlEqualTo("/internal/v1/ai/modeler/sessions/ds_1"))
                .willReturn(aResponse().withStatus(204)));

        // When
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON).body("{\"dataSourceId\":\"ds_1\"}")
                .post("/api/v1/ai/modeler/sessions")
                .then().statusCode(201).body("conversationId", org.hamcrest.Matchers.equalTo("conv_1"));
        given().auth().oauth2(Tokens.alice()).delete("/api/v1/ai/modeler/sessions/ds_1").then().statusCode(204);

        // Then
        GatewayTestResource.downstream().verify(postRequestedFor(urlEqualTo("/internal/v1/ai/modeler/sessions"))
                .andMatching(GatewayTestResource.signedFor("acme", "alice"))
                .withRequestBody(equalTo("{\"dataSourceId\":\"ds_1\"}")));
        GatewayTestResource.downstream().verify(deleteRequestedFor(urlEqualTo("/internal/v1/ai/modeler/sessions/ds_1"))
                .andMatching(GatewayTestResource.signedFor("acme", "alice")));
    }

    @Test
    void shouldProxyTheTenantsModelSettingsWithTheCallersRoles() {
        // Given
        GatewayTestResource.downstream().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(urlEqualTo("/internal/v1/ai/models/tenant"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"source\":\"tenant\",\"keySet\":true}")));

        // When
        given().auth().oauth2(Tokens.alice()).get("/api/v1/ai/models/tenant")
                .then().statusCode(200).body("keySet", org.hamcrest.Matchers.equalTo(true));

        // Then
        GatewayTestResource.downstream().verify(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlEqualTo("/internal/v1/ai/models/tenant"))
                .andMatching(GatewayTestResource.signedWithRole("acme", "engineer")));
    }

    @Test
    void shouldRefuseModelerCallsWithoutAToken() {
        // Given
        String path = "/api/v1/ai/modeler/sessions/ds_1";

        // When / Then
        given().get(path).then().statusCode(401).contentType("application/problem+json");
    }
}
