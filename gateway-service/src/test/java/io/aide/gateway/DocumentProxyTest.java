package io.aide.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class DocumentProxyTest {

    @Test
    void shouldStreamAnUploadToDocumentServiceWithTheCallersTenant() {
        // Given
        String marker = "upload-" + UUID.randomUUID();
        GatewayTestResource.downstream().stubFor(post(urlEqualTo("/internal/v1/documents"))
                .withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"documentId\":\"doc_1\",\"status\":\"parsing\"}")));

        // When / Then
        given().auth().oauth2(Tokens.alice())
                .multiPart("file", "orders.csv", ("source,target\n" + marker + "\n").getBytes(StandardCharsets.UTF_8))
                .multiPart("projectId", "p1")
                .post("/api/v1/documents").then().statusCode(202)
                .body("documentId", org.hamcrest.Matchers.equalTo("doc_1"));
        GatewayTestResource.downstream().verify(1, postRequestedFor(urlEqualTo("/internal/v1/documents"))
                .withRequestBody(containing(marker))
                .withRequestBody(containing("filename=\"orders.csv\""))
                .andMatching(GatewayTestResource.signedFor("acme", "alice"))
                .withHeader("Content-Type", containing("multipart/form-data")));
    }

    @Test
    void shouldPassDocumentServiceProblemsThroughUnchanged() {
        // Given
        String marker = "bad-" + UUID.randomUUID();
        GatewayTestResource.downstream().stubFor(post(urlEqualTo("/internal/v1/documents"))
                .withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":400,\"code\":\"bad_mapping_file:not_a_workbook\","
                                + "\"detail\":\"mapping.xlsx is not an Excel workbook\"}")));

        // When / Then
        given().auth().oauth2(Tokens.alice()).multiPart("file", "mapping.xlsx", marker.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/documents").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("bad_mapping_file:not_a_workbook"))
                .body("detail", containsString("mapping.xlsx"));
    }

    @Test
    void shouldRefuseAnUploadOverTheSizeLimitWith413() {
        // Given: 2 MB against the test limit of 1 MB
        byte[] big = new byte[2 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');

        // When / Then
        given().auth().oauth2(Tokens.alice()).multiPart("file", "huge.csv", big)
                .post("/api/v1/documents").then().statusCode(413)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("upload_too_large"));
        GatewayTestResource.downstream().verify(0, postRequestedFor(urlEqualTo("/internal/v1/documents"))
                .withRequestBody(containing("huge.csv")));
    }

    @Test
    void shouldHideAnAcmeDocumentFromGlobex() {
        // Given: document-service knows the document only for acme
        String documentId = "doc_" + UUID.randomUUID();
        GatewayTestResource.downstream().stubFor(get(urlEqualTo("/internal/v1/documents/" + documentId))
                .andMatching(GatewayTestResource.signedFor("acme"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"documentId\":\"" + documentId + "\",\"status\":\"parsed\"}")));
        GatewayTestResource.downstream().stubFor(get(urlEqualTo("/internal/v1/documents/" + documentId))
                .andMatching(GatewayTestResource.signedFor("globex"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"code\":\"not_found\"}")));

        // When / Then
        given().auth().oauth2(Tokens.alice()).get("/api/v1/documents/" + documentId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("parsed"));
        given().auth().oauth2(Tokens.bob()).get("/api/v1/documents/" + documentId).then().statusCode(404)
                .body(org.hamcrest.Matchers.not(containsString("parsed")));
    }

    @Test
    void shouldProxyARowEditWithItsBodyAndQuery() {
        // Given
        String documentId = "doc_" + UUID.randomUUID();
        GatewayTestResource.downstream().stubFor(patch(urlEqualTo("/internal/v1/documents/" + documentId
                + "/rows/r1?version=2")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ref\":\"r1\"}")));

        // When / Then
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON).body("{\"transformation\":\"upper(x)\"}")
                .patch("/api/v1/documents/" + documentId + "/rows/r1?version=2").then().statusCode(200)
                .body("ref", org.hamcrest.Matchers.equalTo("r1"));
        GatewayTestResource.downstream().verify(patchRequestedFor(urlEqualTo("/internal/v1/documents/" + documentId
                + "/rows/r1?version=2")).withRequestBody(containing("upper(x)"))
                .andMatching(GatewayTestResource.signedFor("acme")));
    }
}
