package io.aide.gateway;

import io.aide.testsupport.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class MetricsTest {


    @Test
    void shouldLabelRequestsByRouteTemplateNeverByATenantsIds() {
        // Given: requests naming ids that must stay out of the metrics
        String documentId = "doc_" + UUID.randomUUID();
        String generationId = "gen_1_" + UUID.randomUUID().toString().substring(0, 8);
        GatewayTestResource.downstream().stubFor(get(urlEqualTo("/internal/v1/documents/" + documentId))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        given().auth().oauth2(Tokens.alice()).get("/api/v1/documents/" + documentId).then().log().ifValidationFails()
                .statusCode(200);
        given().auth().oauth2(Tokens.alice()).get("/api/v1/generations/" + generationId + "/lineage");
        given().accept("text/html").get("/documents/" + documentId).then().log().ifValidationFails().statusCode(200);

        // When
        String metrics = given().get(ManagementInterface.url("/q/metrics")).then().log().ifValidationFails().statusCode(200)
                .extract().asString();

        // Then
        assertThat(metrics).contains("uri=\"/api/v1/documents/{id}\"")
                .contains("uri=\"/api/v1/generations/{id}/lineage\"")
                .doesNotContain(documentId).doesNotContain(generationId);
    }

    @Test
    void shouldNotServeMetricsOnThePublicPort() {
        // When / Then
        given().get("/q/metrics").then().statusCode(404);
        given().auth().oauth2(Tokens.alice()).get("/q/metrics").then().statusCode(404);
    }
}
