package io.aide.gateway.audit;

import io.aide.gateway.GatewayTestResource;
import io.aide.testsupport.Infra;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The realm's LOGIN_ERROR events into the tenants' audit logs, with WireMock as the realm's token endpoint and admin
 * API (e2e-tests RealmLoginEventsIT does the same against the real Keycloak and its login page).
 */
@QuarkusTest
@TestProfile(RealmEventsCollectorTest.Enabled.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class RealmEventsCollectorTest {
    private static final String ADMIN = "/admin/realms/aide";

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // rounds are run by the test itself: the periodic timer waits an hour
            return Map.of("aide.gateway.realm-events.enabled", "true",
                    "aide.gateway.realm-events.client-secret", "events-secret",
                    "aide.gateway.realm-events.interval", "1h");
        }
    }

    @Inject
    RealmEventsCollector collector;

    @Inject
    RedisDataSource redis;

    private String tenant;
    private String userId;

    @BeforeEach
    void realm() {
        tenant = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        userId = UUID.randomUUID().toString();
        redis.key().del(RealmEventsCollector.CURSOR);
        GatewayTestResource.downstream().stubFor(post(urlEqualTo("/realms/aide/protocol/openid-connect/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=aide-gateway-events"))
                .withRequestBody(containing("client_secret=events-secret"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"service-token\",\"expires_in\":300}")));
        GatewayTestResource.downstream().stubFor(get(urlEqualTo(ADMIN + "/users/" + userId))
                .withHeader("Authorization", containing("Bearer service-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + userId + "\",\"username\":\"ida\",\"attributes\":{\"tenant\":[\""
                                + tenant + "\"]}}")));
    }

    private void realmHolds(String... events) {
        GatewayTestResource.downstream().stubFor(get(urlPathEqualTo(ADMIN + "/events"))
                .withHeader("Authorization", containing("Bearer service-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("[" + String.join(",", events) + "]")));
    }

    private String event(String id, long time, String user, String typedName) {
        return "{\"id\":\"" + id + "\",\"time\":" + time + ",\"type\":\"LOGIN_ERROR\",\"clientId\":\"aide-portal\","
                + (user == null ? "" : "\"userId\":\"" + user + "\",") + "\"ipAddress\":\"10.1.2.3\","
                + "\"error\":\"" + (user == null ? "user_not_found" : "invalid_user_credentials") + "\","
                + "\"details\":{\"auth_method\":\"openid-connect\",\"username\":\"" + typedName + "\"}}";
    }

    private static List<String> entries(String tenant) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(Infra.pgJdbcUrl("gateway"), Infra.pgUser(), Infra.pgPassword());
             PreparedStatement s = c.prepareStatement("select actor, actor_kind, action, outcome, status, method, path, "
                     + "target, correlation_id, client_address from audit_log where tenant_id = ? order by seq")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= 10; i++) {
                        cells.add(rs.getString(i));
                    }
                    rows.add(String.join(" ", cells));
                }
            }
        }
        return rows;
    }

    @Test
    void shouldWriteAFailedRealmLoginIntoTheAccountsTenantOnce() throws SQLException {
        // Given: a wrong password for ida, seen again by a second round (the realm's dateFrom is inclusive)
        long now = System.currentTimeMillis();
        String id = UUID.randomUUID().toString();
        realmHolds(event(id, now - 1000, userId, "ida"));

        // When
        int first = collector.collectOnce().await().atMost(Duration.ofSeconds(10));
        int second = collector.collectOnce().await().atMost(Duration.ofSeconds(10));

        // Then
        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(entries(tenant)).containsExactly(
                "ida user session.login_failed refused 401 POST /realms/aide/login-actions/authenticate "
                        + "invalid_user_credentials realm-event:" + id + " 10.1.2.3"));
        assertThat(redis.value(String.class).get(RealmEventsCollector.CURSOR)).isEqualTo(Long.toString(now - 1000));
    }

    @Test
    void shouldNeverNameWhatWasTypedForAnAccountTheRealmDoesNotKnow() throws SQLException {
        // Given: a password typed into the user name field
        String id = UUID.randomUUID().toString();
        String typed = "Secret-" + UUID.randomUUID();
        realmHolds(event(id, System.currentTimeMillis(), null, typed));

        // When
        int written = collector.collectOnce().await().atMost(Duration.ofSeconds(10));

        // Then: an anonymous refusal no tenant administrator sees, without the typed text
        assertThat(written).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(entries(AuditEntry.NO_TENANT))
                .anySatisfy(row -> assertThat(row).contains("realm-event:" + id)
                        .startsWith("anonymous anonymous session.login_failed refused 401")));
        assertThat(entries(AuditEntry.NO_TENANT)).noneSatisfy(row -> assertThat(row).contains(typed));
    }
}
