package io.aide.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class RolesTest {

    static String withRoles(String user, List<String> roles) {
        return Jwt.preferredUserName(user).claim("realm_access", Map.of("roles", roles)).claim("tenant", "acme")
                .issuer("https://server.example.com").audience("https://service.example.com").subject(user)
                .jws().keyId("1").sign();
    }

    @Test
    void shouldLetAViewerReadButNotUploadGenerateEditOrCancel() {
        // Given
        String victor = withRoles("victor", List.of("viewer"));
        String documentId = "doc_" + UUID.randomUUID().toString().replace("-", "");
        GatewayTestResource.downstream().stubFor(get(urlEqualTo("/internal/v1/documents/" + documentId))
                .andMatching(GatewayTestResource.signedFor("acme", "victor"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"status\":\"parsed\"}")));

        // When / Then
        given().auth().oauth2(victor).get("/api/v1/documents/" + documentId).then().statusCode(200);
        given().auth().oauth2(victor).multiPart("file", "m.csv", "a,b\n".getBytes()).post("/api/v1/documents")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden:role"));
        given().auth().oauth2(victor).contentType(ContentType.JSON).body(Map.of("documentId", documentId))
                .post("/api/v1/generations").then().statusCode(403).body("code", equalTo("forbidden:role"));
        given().auth().oauth2(victor).contentType(ContentType.JSON).body("{\"transformation\":\"x\"}")
                .patch("/api/v1/documents/" + documentId + "/rows/r1").then().statusCode(403);
        given().auth().oauth2(victor).delete("/api/v1/generations/gen_1764754823000_abc").then().statusCode(403);
        GatewayTestResource.downstream().verify(0, postRequestedFor(urlEqualTo("/internal/v1/documents"))
                .andMatching(GatewayTestResource.signedFor("acme", "victor")));
    }

    @Test
    void shouldRefuseATokenWithoutAnyAideRole() {
        // Given
        String nobody = withRoles("nobody", List.of("offline_access"));

        // When / Then
        given().auth().oauth2(nobody).get("/api/v1/documents").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden:role"));
    }

    @Test
    void shouldLetEngineersAndAdminsWrite() {
        // Given
        String anna = withRoles("anna", List.of("admin"));

        // When / Then: past the role check (the body is refused by validation, not by the role)
        given().auth().oauth2(anna).contentType(ContentType.JSON).body("{}").post("/api/v1/generations")
                .then().statusCode(org.hamcrest.Matchers.not(403));
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON).body("{}").post("/api/v1/generations")
                .then().statusCode(org.hamcrest.Matchers.not(403));
    }
}
