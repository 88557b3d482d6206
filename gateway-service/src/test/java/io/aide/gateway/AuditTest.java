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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class AuditTest {

    /** A tenant of its own per test, so entries of other tests never mix in. */
    private static String tenant() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static JsonPath audit(String adminToken, String query) {
        return given().auth().oauth2(adminToken).get("/api/v1/admin/audit" + query).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void shouldRecordChangesDownloadsKeyChangesAndRefusalsOfTheTenant() {
        // Given
        String tenant = tenant();
        String admin = Tokens.with("anna", tenant, "admin");
        String viewer = Tokens.with("victor", tenant, "viewer");
        String generationId = "gen_1764754823000_" + UUID.randomUUID().toString().substring(0, 8);
        GatewayTestResource.downstream().stubFor(get(urlEqualTo("/internal/v1/generations/" + generationId
                + "/artifacts/duckdb")).andMatching(GatewayTestResource.signedFor(tenant, "anna"))
                .willReturn(aResponse().withHeader("Content-Type", "application/zip").withBody("zip")));

        // When
        given().auth().oauth2(admin).get("/api/v1/generations/" + generationId + "/artifacts/duckdb").then()
                .statusCode(200);
        given().auth().oauth2(viewer).delete("/api/v1/generations/" + generationId).then().statusCode(403);
        String keyId = ApiKeysTest.createKey(admin, "ci", "viewer").getString("id");
        given().auth().oauth2(admin).delete("/api/v1/admin/api-keys/" + keyId).then().statusCode(200);

        // Then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath page = audit(admin, "?limit=50");
            assertThat(page.getList("items.action")).contains("generation.download", "generation.cancel",
                    "api_key.create", "api_key.revoke");
        });
        JsonPath page = audit(admin, "?limit=50");
        Map<String, Object> refused = page.getMap("items.find { it.action == 'generation.cancel' }");
        assertThat(refused).containsEntry("actor", "victor").containsEntry("actorKind", "user")
                .containsEntry("outcome", "refused").containsEntry("status", 403)
                .containsEntry("target", generationId).containsEntry("tenant", tenant);
        Map<String, Object> created = page.getMap("items.find { it.action == 'api_key.create' }");
        assertThat(created).containsEntry("actor", "anna").containsEntry("outcome", "ok").containsEntry("target", keyId);
        assertThat(page.getString("items.find { it.action == 'generation.download' }.path"))
                .isEqualTo("/api/v1/generations/" + generationId + "/artifacts/duckdb");
    }

    @Test
    void shouldRecordASessionRenewalUnderTheUserAndTenantOfTheRenewedToken() {
        // Given: a refresh token the realm honours with a token of anna in a fresh tenant
        String tenant = tenant();
        String refreshToken = "refresh-" + UUID.randomUUID();
        GatewayTestResource.downstream().stubFor(post(urlEqualTo("/realms/aide/protocol/openid-connect/token"))
                .withRequestBody(containing("refresh_token=" + refreshToken))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + Tokens.of("anna", tenant) + "\",\"expires_in\":900}")));

        // When
        given().cookie("aide_refresh", refreshToken).post("/api/v1/session/refresh").then().statusCode(200);

        // Then
        String admin = Tokens.with("anna", tenant, "admin");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(audit(admin, "?limit=50").getList("items.action")).contains("session.refresh"));
        Map<String, Object> renewed = audit(admin, "?limit=50").getMap("items.find { it.action == 'session.refresh' }");
        assertThat(renewed).containsEntry("actor", "anna").containsEntry("outcome", "ok").containsEntry("status", 200)
                .containsEntry("tenant", tenant);
        assertThat(renewed.toString()).doesNotContain(refreshToken);
    }

    @Test
    void shouldRecordAPortalLoginAndLogoutUnderTheUserAndAFailedCallbackAsARefusedLogin() throws Exception {
        // Given: anna of a fresh tenant signs in through the code flow
        String tenant = tenant();
        String code = "audit-code-" + UUID.randomUUID();
        PortalLoginTest.Started login = PortalLoginTest.start("/");
        PortalLoginTest.realmExchanges(code, login.challenge(), Tokens.of("anna", tenant));
        GatewayTestResource.downstream().stubFor(post(urlEqualTo("/realms/aide/protocol/openid-connect/logout"))
                .withRequestBody(containing("refresh_token=refresh-" + code)).willReturn(aResponse().withStatus(204)));
        io.restassured.response.Response signedIn = PortalLoginTest.callback(login, code, login.browserCookie());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String forgedState = "forged-" + UUID.randomUUID();

        // When
        given().cookie("aide_token", signedIn.cookie("aide_token")).cookie("aide_refresh", signedIn.cookie("aide_refresh"))
                .delete("/api/v1/session").then().statusCode(204);
        given().redirects().follow(false).queryParam("state", forgedState).queryParam("code", "x")
                .get("/api/v1/session/callback").then().statusCode(303);

        // Then
        String admin = Tokens.with("anna", tenant, "admin");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit(admin, "?actor=anna")
                .getList("items.action")).contains("session.login", "session.logout"));
        Map<String, Object> loggedIn = audit(admin, "?action=session.login").getMap("items[0]");
        assertThat(loggedIn).containsEntry("outcome", "ok").containsEntry("status", 303)
                .containsEntry("path", "/api/v1/session/callback").containsEntry("tenant", tenant);
        assertThat(audit(admin, "?action=session.logout").getMap("items[0]")).containsEntry("actor", "anna")
                .containsEntry("outcome", "ok").containsEntry("status", 204);
        // nobody's tenant is known for a forged callback: kept apart from every tenant's log
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Connection c = DriverManager.getConnection(Infra.pgJdbcUrl("gateway"), Infra.pgUser(), Infra.pgPassword());
                 var ps = c.prepareStatement("select action, outcome, target from audit_log where tenant_id = ?"
                         + " and path = '/api/v1/session/callback' and correlation_id is not null order by seq desc limit 20")) {
                ps.setString(1, "_unauthenticated");
                var rows = new java.util.ArrayList<String>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                    }
                }
                assertThat(rows).contains("session.login refused login_expired");
            }
        });
    }

    @Test
    void shouldRecordTheRefusalsOfARevokedKeyUnderItsTenant() {
        // Given
        String tenant = tenant();
        String admin = Tokens.with("anna", tenant, "admin");
        JsonPath key = ApiKeysTest.createKey(admin, "leaked", "engineer");
        given().auth().oauth2(admin).delete("/api/v1/admin/api-keys/" + key.getString("id")).then().statusCode(200);

        // When
        given().header("X-Api-Key", key.getString("key")).get("/api/v1/documents").then().statusCode(401);

        // Then
        await().atMost(Duration.ofSeconds(10)).until(() -> audit(admin, "?actor=apikey:" + key.getString("id"))
                .getList("items", Map.class).stream().anyMatch(e -> Integer.valueOf(401).equals(e.get("status"))
                        && "refused".equals(e.get("outcome")) && "api_key".equals(e.get("actorKind"))));
        assertThat(audit(admin, "?actor=apikey:" + key.getString("id")).getList("items.status")).contains(401);
    }

    @Test
    void shouldShowEachAdministratorOnlyTheirTenantsEntries() {
        // Given
        String tenantA = tenant();
        String tenantB = tenant();
        String adminA = Tokens.with("anna", tenantA, "admin");
        String adminB = Tokens.with("bert", tenantB, "admin");
        ApiKeysTest.createKey(adminA, "a", "viewer");
        await().atMost(Duration.ofSeconds(10)).until(() -> !audit(adminA, "").getList("items").isEmpty());

        // When
        JsonPath seenByB = audit(adminB, "");

        // Then
        assertThat(seenByB.getList("items.tenant")).doesNotContain(tenantA);
        assertThat(audit(adminA, "").getList("items.tenant")).containsOnly(tenantA);
    }

    @Test
    void shouldFilterPageAndExportAsCsvAndJsonLinesWithoutAnySecret() {
        // Given
        String tenant = tenant();
        String admin = Tokens.with("anna", tenant, "admin");
        Instant before = Instant.now().minusSeconds(1);
        List<String> keys = List.of(ApiKeysTest.createKey(admin, "k1", "viewer").getString("key"),
                ApiKeysTest.createKey(admin, "k2", "viewer").getString("key"),
                ApiKeysTest.createKey(admin, "k3", "viewer").getString("key"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> audit(admin, "?action=api_key.create").getList("items").size() == 3);

        // When
        JsonPath first = audit(admin, "?action=api_key&limit=2&from=" + before);
        JsonPath second = audit(admin, "?action=api_key&limit=2&from=" + before + "&cursor=" + first.getString("next"));
        String csv = given().auth().oauth2(admin).get("/api/v1/admin/audit/export?format=csv&action=api_key.create")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        String jsonl = given().auth().oauth2(admin).get("/api/v1/admin/audit/export?format=jsonl&actor=anna")
                .then().statusCode(200).contentType(containsString("application/x-ndjson")).extract().asString();

        // Then
        assertThat(first.getList("items")).hasSize(2);
        assertThat(first.getString("next")).isNotNull();
        assertThat(second.getList("items.seq")).doesNotContainAnyElementsOf(first.getList("items.seq"));
        assertThat(first.getLong("items[0].seq")).isGreaterThan(first.getLong("items[1].seq"));
        assertThat(csv.lines().toList()).hasSize(4);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("seq,at,actor,actor_kind,action,outcome,status");
        assertThat(csv.lines().skip(1).toList()).allMatch(line -> line.contains(",anna,user,api_key.create,ok,201,"));
        assertThat(jsonl.lines().toList()).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(line -> new JsonPath(line).getString("actor").equals("anna"));
        for (String key : keys) {
            assertThat(csv).doesNotContain(key.substring(13));
            assertThat(jsonl).doesNotContain(key.substring(13));
        }
        assertThat(jsonl).doesNotContain(admin.substring(admin.lastIndexOf('.') + 1));
    }

    @Test
    void shouldRefuseAnUpdateOrDeleteOfAnyAuditEntry() throws Exception {
        // Given
        String tenant = tenant();
        String admin = Tokens.with("anna", tenant, "admin");
        ApiKeysTest.createKey(admin, "kept", "viewer");
        await().atMost(Duration.ofSeconds(10)).until(() -> !audit(admin, "").getList("items").isEmpty());

        // When / Then
        try (Connection c = DriverManager.getConnection(Infra.pgJdbcUrl("gateway"), Infra.pgUser(), Infra.pgPassword());
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_log set actor = 'someone' where tenant_id = '"
                    + tenant + "'")).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_log where tenant_id = '" + tenant + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        audit(admin, "").getList("items.actor").forEach(actor -> assertThat(actor).isEqualTo("anna"));
    }

    @Test
    void shouldLetOnlyAdministratorsReadTheAuditLog() {
        // Given
        String tenant = tenant();

        // When / Then
        for (String token : List.of(Tokens.with("erin", tenant, "engineer"), Tokens.with("vic", tenant, "viewer"))) {
            given().auth().oauth2(token).get("/api/v1/admin/audit").then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("forbidden:role"));
            given().auth().oauth2(token).get("/api/v1/admin/audit/export?format=csv").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.with("anna", tenant, "admin")).get("/api/v1/admin/audit?from=yesterday")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("from"));
    }
}
