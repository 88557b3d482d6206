package io.aide.aihub.session;

import io.aide.aihub.service.AiHubException;
import io.aide.testsupport.InternalCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The modeler's sessions while their Redis is down: a Redis server of this test's own is shut down and started again
 * under the running service. Every session call answers 503 problem+json naming Redis, nothing is written (no
 * draft version, no saved conversation), and the session goes on once Redis is back.
 */
@QuarkusTest
@QuarkusTestResource(value = OwnRedisResource.class, restrictToAnnotatedClass = true)
class RedisDownTest {
    private static final String TENANT = "acme";
    private static final String USER = "alice";

    @Inject
    ModelerSessionStore store;

    @Inject
    DataSource dataSource;

    /** Read when used: an injected value would be required of every test application of this module. */
    private final int redisPort = ConfigProvider.getConfig().getValue(OwnRedisResource.PORT, Integer.class);
    private final String redisDir = ConfigProvider.getConfig().getValue(OwnRedisResource.DIR, String.class);

    @AfterEach
    void redisIsUpAgain() {
        if (!OwnRedis.listening(redisPort)) {
            OwnRedis.start(redisPort, Path.of(redisDir));
        }
        OwnRedis.config(redisPort, "maxmemory", "0");
        OwnRedis.config(redisPort, "proto-max-bulk-len", "512mb");
    }

    @Test
    void shouldWriteNothingOfANewSessionWhenRedisRefusesItsWritesAfterTheCheckForAnOpenOne() {
        // Given: opening found no session (Redis read), then Redis refuses writes (out of memory, no eviction)
        String dataSourceId = "ds_midway_" + UUID.randomUUID().toString().substring(0, 8);
        SessionKeys keys = new SessionKeys(TENANT, dataSourceId, USER);
        OwnRedis.config(redisPort, "maxmemory-policy", "noeviction");
        OwnRedis.config(redisPort, "maxmemory", "1");

        // When: the new session is written
        Throwable refused = catchThrowable(() -> store.create(keys, newSession(dataSourceId), "# Schema\n\n2 tables",
                List.of(new SessionMessage("assistant", "## 1. Structural analysis\n...", Instant.now()))));

        // Then: 503 naming Redis, and no key of the session (reads still answer)
        assertThat(refused).isInstanceOfSatisfying(AiHubException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("redis_unavailable");
        });
        assertThat(store.load(keys)).isEmpty();
        call().get(path(dataSourceId)).then().statusCode(404).body("code", equalTo("modeler_session_not_found"));
    }

    @Test
    void shouldWriteNothingOfANewSessionWhenRedisDropsTheConnectionInsideItsTransaction() {
        // Given: a schema context larger than Redis now accepts in one value, so it closes the connection mid-MULTI
        String dataSourceId = "ds_dropped_" + UUID.randomUUID().toString().substring(0, 8);
        SessionKeys keys = new SessionKeys(TENANT, dataSourceId, USER);
        String hugeSchema = "# Schema\n\n" + "| t | c | VARCHAR |\n".repeat(80_000);
        OwnRedis.config(redisPort, "proto-max-bulk-len", "1mb");

        // When
        Throwable refused = catchThrowable(() -> store.create(keys, newSession(dataSourceId), hugeSchema,
                List.of(new SessionMessage("assistant", "## 1. Structural analysis\n...", Instant.now()))));
        OwnRedis.config(redisPort, "proto-max-bulk-len", "512mb");

        // Then: the metadata and message queued before the schema were not written either
        assertThat(refused).isInstanceOfSatisfying(AiHubException.class,
                e -> assertThat(e.code()).isEqualTo("redis_unavailable"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.load(keys)).isEmpty());
    }

    @Test
    void shouldAnswer503NamingRedisWriteNothingAndGoOnOnceRedisIsBack() throws SQLException {
        // Given: an open session with one draft version
        String dataSourceId = "ds_redis_" + UUID.randomUUID().toString().substring(0, 8);
        String conversationId = openSession(dataSourceId);
        call().body(Map.of("model", Map.of("facts", List.of("fct_orders")))).put(path(dataSourceId) + "/draft")
                .then().statusCode(200).body("version", equalTo(1));

        // When: Redis goes down (its keys saved to its dump file)
        OwnRedis.stop(redisPort, true);

        // Then: every call of the session answers 503 naming Redis, and nothing is written
        unavailable(call().body(Map.of("dataSourceId", dataSourceId)).post("/internal/v1/ai/modeler/sessions"));
        unavailable(call().get(path(dataSourceId)));
        unavailable(call().body(Map.of("model", Map.of("facts", List.of("fct_lost")))).put(path(dataSourceId) + "/draft"));
        unavailable(call().body(Map.of("content", "which facts?")).post(path(dataSourceId) + "/messages"));
        unavailable(call().accept("text/event-stream").body(Map.of("content", "which facts?"))
                .post(path(dataSourceId) + "/messages/stream"));
        unavailable(call().body(Map.of("dataModelId", "dm_" + dataSourceId)).post(path(dataSourceId) + "/save"));
        unavailable(call().delete(path(dataSourceId)));
        assertThat(savedConversations(conversationId)).isZero();

        // When: Redis is back
        OwnRedis.start(redisPort, Path.of(redisDir));

        // Then: opening restores the session as it was before the outage, and it goes on
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                call().body(Map.of("dataSourceId", dataSourceId)).post("/internal/v1/ai/modeler/sessions")
                        .then().statusCode(200).body("restored", equalTo(true))
                        .body("conversationId", equalTo(conversationId)).body("messages", hasSize(1))
                        .body("modelDraft.version", equalTo(1)).body("modelDraft.model.facts[0]", equalTo("fct_orders")));
        call().body(Map.of("model", Map.of("facts", List.of("fct_orders", "fct_returns"))))
                .put(path(dataSourceId) + "/draft").then().statusCode(200).body("version", equalTo(2));
        call().body(Map.of("dataModelId", "dm_" + dataSourceId)).post(path(dataSourceId) + "/save")
                .then().statusCode(200).body("readOnly", equalTo(true));
        assertThat(savedConversations(conversationId)).isEqualTo(1);
        call().get(path(dataSourceId)).then().statusCode(404).body("code", equalTo("modeler_session_not_found"));
    }

    /** The session a user opened earlier: written by the store itself (opening one reads document-service). */
    private String openSession(String dataSourceId) {
        Map<String, String> metadata = newSession(dataSourceId);
        store.create(new SessionKeys(TENANT, dataSourceId, USER), metadata, "# Schema\n\n2 tables",
                List.of(new SessionMessage("assistant", "## 1. Structural analysis\n...", Instant.now())));
        return metadata.get("conversationId");
    }

    /** The metadata hash of a new session, as opening writes it. */
    private static Map<String, String> newSession(String dataSourceId) {
        String now = Instant.now().toString();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("conversationId", "conv_" + UUID.randomUUID());
        metadata.put("tenantId", TENANT);
        metadata.put("dataSourceId", dataSourceId);
        metadata.put("userId", USER);
        metadata.put("createdAt", now);
        metadata.put("lastActivity", now);
        metadata.put("model", "none");
        metadata.put("tableCount", "2");
        return metadata;
    }

    private static void unavailable(io.restassured.response.Response response) {
        ValidatableResponse then = response.then();
        then.statusCode(503).contentType("application/problem+json").body("code", equalTo("redis_unavailable"))
                .body("detail", containsString("Redis")).body("detail", containsString("nothing was changed"));
    }

    private static RequestSpecification call() {
        return given().header(InternalCalls.HEADER, InternalCalls.token(TENANT, USER)).contentType(ContentType.JSON);
    }

    private static String path(String dataSourceId) {
        return "/internal/v1/ai/modeler/sessions/" + dataSourceId;
    }

    private int savedConversations(String conversationId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM conversations WHERE id = ?")) {
            s.setString(1, conversationId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
