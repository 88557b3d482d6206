package io.aide.gateway;

import io.aide.testsupport.Infra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class ApiKeysTest {
    private static final String ADMIN = Tokens.with("anna", "acme", "admin");

    static JsonPath createKey(String adminToken, String name, String role) {
        return given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", role))
                .post("/api/v1/admin/api-keys").then().statusCode(201).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    private static String stubDocument(String tenant, String user) {
        String documentId = "doc_" + UUID.randomUUID().toString().replace("-", "");
        GatewayTestResource.downstream().stubFor(get(urlEqualTo("/internal/v1/documents/" + documentId))
                .andMatching(GatewayTestResource.signedFor(tenant, user))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"status\":\"parsed\"}")));
        return documentId;
    }

    @Test
    void shouldShowTheKeyOnceAndListItWithoutTheSecret() {
        // Given
        String name = "nightly CI " + UUID.randomUUID();

        // When
        JsonPath created = createKey(ADMIN, name, "engineer");

        // Then
        String key = created.getString("key");
        assertThat(key).startsWith("aide_").hasSizeGreaterThan(40);
        assertThat(created.getString("prefix")).isEqualTo(key.substring(0, 13));
        assertThat(created.getString("role")).isEqualTo("engineer");
        assertThat(Instant.parse(created.getString("expiresAt")))
                .isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));
        String listed = given().auth().oauth2(ADMIN).get("/api/v1/admin/api-keys").then().statusCode(200)
                .body("items.name", hasItem(name)).extract().asString();
        assertThat(listed).doesNotContain(key).doesNotContain(key.substring(13));
        given().auth().oauth2(ADMIN).get("/api/v1/admin/api-keys").then()
                .body("items.find { it.id == '" + created.getString("id") + "' }.status", equalTo("active"))
                .body("items.find { it.id == '" + created.getString("id") + "' }.createdBy", equalTo("anna"));
    }

    @Test
    void shouldStoreOnlyTheHashOfTheKey() throws Exception {
        // Given
        JsonPath created = createKey(ADMIN, "hash check", "viewer");
        String key = created.getString("key");

        // When
        String row;
        try (Connection c = DriverManager.getConnection(Infra.pgJdbcUrl("gateway"), Infra.pgUser(), Infra.pgPassword());
             PreparedStatement s = c.prepareStatement("select t::text from api_keys t where id = ?")) {
            s.setString(1, created.getString("id"));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                row = rs.getString(1);
            }
        }

        // Then
        assertThat(row).contains(created.getString("id")).doesNotContain(key).doesNotContain(key.substring(13));
    }

    @Test
    void shouldServeACiJobWithTheKeysTenantAndRoleAsBearerOrHeader() {
        // Given
        JsonPath created = createKey(ADMIN, "reader", "viewer");
        String key = created.getString("key");
        String documentId = stubDocument("acme", "apikey:" + created.getString("id"));

        // When / Then
        given().header("Authorization", "Bearer " + key).get("/api/v1/documents/" + documentId).then().statusCode(200)
                .body("status", equalTo("parsed"));
        given().header("X-Api-Key", key).get("/api/v1/documents/" + documentId).then().statusCode(200);
        given().header("X-Api-Key", key).get("/api/v1/me").then().statusCode(200)
                .body("tenant", equalTo("acme")).body("roles", hasItem("viewer"));
        given().header("X-Api-Key", key).contentType(ContentType.JSON).body(Map.of("documentId", documentId))
                .post("/api/v1/generations").then().statusCode(403).body("code", equalTo("forbidden:role"));
        GatewayTestResource.downstream().verify(2, getRequestedFor(urlEqualTo("/internal/v1/documents/" + documentId))
                .andMatching(GatewayTestResource.signedFor("acme", "apikey:" + created.getString("id"))));
    }

    @Test
    void shouldRefuseARevokedKeyAt401WithAProblem() {
        // Given
        JsonPath created = createKey(ADMIN, "to revoke", "engineer");
        String key = created.getString("key");
        given().header("X-Api-Key", key).get("/api/v1/me").then().statusCode(200);

        // When
        given().auth().oauth2(ADMIN).delete("/api/v1/admin/api-keys/" + created.getString("id")).then()
                .statusCode(200).body("status", equalTo("revoked")).body("revokedBy", equalTo("anna"));

        // Then
        given().header("X-Api-Key", key).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthorized:invalid_api_key"))
                .body("detail", containsString("revoked")).body("detail", not(containsString(key)));
        given().header("Authorization", "Bearer " + key).get("/api/v1/documents").then().statusCode(401)
                .body("code", equalTo("unauthorized:invalid_api_key"));
    }

    @Test
    void shouldRefuseAnExpiredKeyAt401WithAProblem() {
        // Given
        given().auth().oauth2(ADMIN).get("/api/v1/admin/api-keys").then().statusCode(200);
        String expiresAt = Instant.now().plusSeconds(15).toString();
        JsonPath created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "short lived", "role", "viewer", "expiresAt", expiresAt))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().jsonPath();
        String key = created.getString("key");


        // When / Then: refused once its expiry has passed (an active key is served: the tests above)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("X-Api-Key", key).get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("unauthorized:invalid_api_key")).body("detail", containsString("expired")));
        given().auth().oauth2(ADMIN).get("/api/v1/admin/api-keys").then()
                .body("items.find { it.id == '" + created.getString("id") + "' }.status", equalTo("expired"));
    }

    @Test
    void shouldRefuseAnUnknownKeyAt401() {
        // Given
        String forged = "aide_" + "A".repeat(43);

        // When / Then
        given().header("Authorization", "Bearer " + forged).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthorized:invalid_api_key"))
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldKeepEachTenantsKeysToItsOwnAdministrators() {
        // Given
        JsonPath acmeKey = createKey(ADMIN, "acme only", "viewer");
        String globexAdmin = Tokens.with("gina", "globex", "admin");

        // When / Then
        given().auth().oauth2(globexAdmin).get("/api/v1/admin/api-keys").then().statusCode(200)
                .body("items.id", not(hasItem(acmeKey.getString("id"))));
        given().auth().oauth2(globexAdmin).delete("/api/v1/admin/api-keys/" + acmeKey.getString("id")).then()
                .statusCode(404).contentType("application/problem+json");
        given().header("X-Api-Key", acmeKey.getString("key")).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldLetOnlyAdministratorsManageKeysAndNeverAnApiKey() {
        // Given
        String adminKey = createKey(ADMIN, "admin key", "admin").getString("key");
        Map<String, String> body = Map.of("name", "x", "role", "viewer");

        // When / Then
        for (String token : new String[] {Tokens.alice(), Tokens.with("victor", "acme", "viewer")}) {
            given().auth().oauth2(token).get("/api/v1/admin/api-keys").then().statusCode(403)
                    .body("code", equalTo("forbidden:role"));
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/admin/api-keys")
                    .then().statusCode(403).body("code", equalTo("forbidden:role"));
        }
        given().header("X-Api-Key", adminKey).contentType(ContentType.JSON).body(body).post("/api/v1/admin/api-keys")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden:api_key"));
        given().header("X-Api-Key", adminKey).get("/api/v1/admin/audit").then().statusCode(200);
    }

    @Test
    void shouldRefuseAKeyRequestWithoutANameOrWithAnUnknownRoleOrExpiry() {
        // When / Then
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("role", "viewer"))
                .post("/api/v1/admin/api-keys").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("name"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", "x", "role", "root"))
                .post("/api/v1/admin/api-keys").then().statusCode(400).body("detail", containsString("root"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", "x", "expiresInDays", 400))
                .post("/api/v1/admin/api-keys").then().statusCode(400).body("detail", containsString("365"));
    }
}
