package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import io.aide.testsupport.Infra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.aide.testsupport.ScriptedModelServer.chunks;
import static io.aide.testsupport.ScriptedModelServer.failure;
import static io.aide.testsupport.ScriptedModelServer.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AI data modeler through the gateway on the jaffle-shop data source: a session opened (Redis), reopened after a
 * reload (restored), a chat turn answered by the scripted model, saved (the Redis keys gone, PostgreSQL holding the
 * conversation, reopened read-only), and another session cancelled. Redis and PostgreSQL are read directly to see
 * where the session lives.
 */
class AiHubModelerThroughGatewayIT extends AiHubGatewayTests.OnJaffleShop {
    private static final String ANSWER = "1. Structural analysis: raw_orders references raw_customers.\n"
            + "2. Recommended models: a star schema with fct_orders at order grain.\n"
            + "3. SQL implementation strategy: build dim_customers first.";

    @BeforeAll
    static void noOpenSession() {
        Stack.delete(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId);
    }

    @AfterAll
    static void cleanUp() {
        Stack.delete(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId);
    }

    @Test
    void shouldRestoreASessionAfterAReloadAndMoveItToPostgresWhenSaved() throws SQLException {
        // Given
        String model = AiHubStack.modelName("modeler");
        AiHubStack.model().script(model, text(ANSWER));
        AiHubStack.useModel(model);
        String dataModelId = "dm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        // When
        HttpResponse<String> opened = Stack.postJson(alice, "/api/v1/ai/modeler/sessions", Map.of("dataSourceId",
                dataSourceId));
        long keysWhileOpen = redisKeys();
        Map<String, Long> ttlsWhileOpen = redisTtls();
        HttpResponse<String> reloaded = Stack.get(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId);
        HttpResponse<String> turn = Stack.postJson(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId + "/messages",
                Map.of("content", "Which analytical models fit this schema?"));
        HttpResponse<String> saved = Stack.postJson(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId + "/save",
                Map.of("dataModelId", dataModelId, "title", "jaffle-shop star " + AiHubStack.RUN));
        HttpResponse<String> afterSave = Stack.get(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId);
        HttpResponse<String> reopened = Stack.get(alice, "/api/v1/ai/modeler/conversations/" + dataModelId);

        // Then the new session holds the deterministic analysis of the schema
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode session = Stack.json(opened.body());
        assertThat(session.path("source").asText()).isEqualTo("new");
        assertThat(session.path("summary").path("tableCount").asInt()).isEqualTo(3);
        assertThat(session.path("schemaContext").asText()).contains("raw_orders").contains("raw_customers");
        assertThat(keysWhileOpen).isGreaterThanOrEqualTo(3);
        // every key of the session is the tenant's, the data source's and the user's, and expires 24 h after the write
        assertThat(session.path("expiresInSeconds").asLong()).isBetween(86_000L, 86_400L);
        assertThat(ttlsWhileOpen).isNotEmpty().allSatisfy((key, ttl) -> {
            assertThat(key).matches("aide:ai:session:(metadata|messages|model-draft|schema):acme:" + dataSourceId + ":.+");
            assertThat(ttl).isBetween(86_000L, 86_400L);
        });
        // it is restored from Redis after a reload
        assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
        assertThat(Stack.json(reloaded.body()).path("restored").asBoolean()).isTrue();
        assertThat(Stack.json(reloaded.body()).path("source").asText()).isEqualTo("redis");
        assertThat(Stack.json(reloaded.body()).path("conversationId").asText())
                .isEqualTo(session.path("conversationId").asText());
        // the model's three-part answer is appended after the question
        assertThat(turn.statusCode()).as(turn.body()).isEqualTo(200);
        JsonNode messages = Stack.json(turn.body()).path("messages");
        assertThat(messages.get(messages.size() - 2).path("content").asText())
                .isEqualTo("Which analytical models fit this schema?");
        assertThat(messages.get(messages.size() - 1).path("content").asText()).isEqualTo(ANSWER);
        assertThat(AiHubStack.model().requestsFor(model)).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer " + AiHubStack.ACME_KEY);
            assertThat(r.mentions("raw_orders")).isTrue();
        });
        // saving moves it to PostgreSQL, clears Redis, and it reopens read-only
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(Stack.json(saved.body()).path("readOnly").asBoolean()).isTrue();
        assertThat(redisKeys()).isZero();
        assertThat(afterSave.statusCode()).isEqualTo(404);
        assertThat(Stack.json(afterSave.body()).path("code").asText()).isEqualTo("modeler_session_not_found");
        assertThat(storedMessages(dataModelId)).isEqualTo(messages.size());
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        JsonNode conversation = Stack.json(reopened.body());
        assertThat(conversation.path("readOnly").asBoolean()).isTrue();
        assertThat(conversation.path("source").asText()).isEqualTo("database");
        assertThat(conversation.path("messages")).hasSize(messages.size());
        assertThat(conversation.path("messages").get(messages.size() - 1).path("content").asText()).isEqualTo(ANSWER);
    }

    @Test
    void shouldRefuseAMalformedDataModelIdAndClearACancelledSessionWithoutSavingIt() {
        // Given
        HttpResponse<String> opened = Stack.postJson(alice, "/api/v1/ai/modeler/sessions", Map.of("dataSourceId",
                dataSourceId));
        assertThat(opened.statusCode()).as(opened.body()).isIn(200, 201);

        // When
        HttpResponse<String> badId = Stack.postJson(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId + "/save",
                Map.of("dataModelId", "no spaces; please"));
        HttpResponse<String> cancelled = Stack.delete(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId);

        // Then a save under a malformed data model id is refused with what to send, and nothing is saved
        assertThat(badId.statusCode()).as(badId.body()).isEqualTo(400);
        assertThat(Stack.json(badId.body()).path("detail").asText()).contains("dataModelId");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(204);
        assertThat(redisKeys()).isZero();
        assertThat(Stack.get(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldStreamATurnVersionTheDraftAndLeaveTheSessionUnchangedWhenTheModelFails() throws Exception {
        // Given an open session and a model that streams its answer, then fails
        String model = AiHubStack.modelName("modeler-stream");
        AiHubStack.model().script(model, chunks("Star", " schema", " at order grain."),
                failure(500, "scripted outage"));
        AiHubStack.useModel(model);
        Stack.delete(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId);
        assertThat(Stack.postJson(alice, "/api/v1/ai/modeler/sessions", Map.of("dataSourceId", dataSourceId))
                .statusCode()).isEqualTo(201);

        // When
        SseStream stream = Stack.postEvents(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId + "/messages/stream",
                Map.of("content", "Which grain for the orders fact?"));
        List<SseEvent> events = CompletableFuture.supplyAsync(() -> stream.readUntil(e -> e.json().path("type").asText()
                .equals("done"))).get(60, TimeUnit.SECONDS);
        HttpResponse<String> firstDraft = Stack.putJson(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId + "/draft",
                Map.of("model", Map.of("facts", List.of("fct_orders"))));
        HttpResponse<String> secondDraft = Stack.putJson(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId + "/draft",
                Map.of("model", Map.of("facts", List.of("fct_orders", "fct_payments"))));
        HttpResponse<String> failed = Stack.postJson(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId + "/messages",
                Map.of("content", "And the payments?"));
        AiHubStack.removeModel();
        HttpResponse<String> withoutModel = Stack.postJson(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId
                + "/messages", Map.of("content", "And the payments?"));
        HttpResponse<String> ddl = Stack.get(alice, "/api/v1/ai/modeler/datasources/" + dataSourceId
                + "/analysis?dialect=postgres");
        JsonNode session = Stack.json(Stack.get(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId).body());

        // Then the answer streamed piece by piece, and the turn was stored once complete
        assertThat(stream.status).isEqualTo(200);
        assertThat(events).filteredOn(e -> e.json().path("type").asText().equals("delta"))
                .extracting(e -> e.json().path("text").asText()).containsExactly("Star", " schema", " at order grain.");
        JsonNode messages = session.path("messages");
        assertThat(messages.get(messages.size() - 1).path("content").asText()).isEqualTo("Star schema at order grain.");
        assertThat(messages.get(messages.size() - 2).path("content").asText()).isEqualTo("Which grain for the orders fact?");
        // each draft update has the next version
        assertThat(firstDraft.statusCode()).as(firstDraft.body()).isEqualTo(200);
        assertThat(Stack.json(secondDraft.body()).path("version").asLong())
                .isEqualTo(Stack.json(firstDraft.body()).path("version").asLong() + 1);
        assertThat(session.path("modelDraft").path("model").path("facts")).hasSize(2);
        // a failing model and a missing one leave the session as it was, with a clear problem
        assertThat(failed.statusCode()).as(failed.body()).isIn(502, 503);
        assertThat(failed.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(Stack.json(failed.body()).path("detail").asText()).contains("The session is unchanged");
        assertThat(withoutModel.statusCode()).as(withoutModel.body()).isEqualTo(409);
        assertThat(Stack.json(withoutModel.body()).path("code").asText()).isEqualTo("llm_not_configured");
        assertThat(session.path("messages").findValuesAsText("content")).doesNotContain("And the payments?");
        // the proposed star schema exports as DDL of the asked dialect
        assertThat(ddl.statusCode()).as(ddl.body()).isEqualTo(200);
        assertThat(ddl.headers().firstValue("Content-Type").orElse("")).contains("application/sql");
        assertThat(ddl.body()).contains("CREATE TABLE");
        Stack.delete(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId);
    }

    @Test
    void shouldGiveTheModelTheDraftAndOpenTheSavedConversationForItsAuthorAndTheTenantsAdminsOnly() {
        // Given an open session whose draft alice changed twice
        String model = AiHubStack.modelName("modeler-draft");
        AiHubStack.model().script(model, text("Keep fct_orders_weekly at week grain."));
        AiHubStack.useModel(model);
        String dataModelId = "dm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Stack.delete(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId);
        assertThat(Stack.postJson(alice, "/api/v1/ai/modeler/sessions", Map.of("dataSourceId", dataSourceId))
                .statusCode()).isEqualTo(201);
        Stack.putJson(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId + "/draft",
                Map.of("model", Map.of("facts", List.of(Map.of("name", "fct_orders")))));
        HttpResponse<String> draft = Stack.putJson(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId + "/draft",
                Map.of("model", Map.of("facts", List.of(Map.of("name", "fct_orders_weekly")))));

        // When
        HttpResponse<String> turn = Stack.postJson(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId + "/messages",
                Map.of("content", "Is a weekly grain enough?"));
        String conversationId = Stack.json(turn.body()).path("conversationId").asText();
        HttpResponse<String> saved = Stack.postJson(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId + "/save",
                Map.of("dataModelId", dataModelId, "title", "weekly orders " + AiHubStack.RUN));
        JsonNode mine = Stack.json(Stack.get(alice, "/api/v1/ai/modeler/conversations").body());
        JsonNode mineHere = Stack.json(Stack.get(alice, "/api/v1/ai/modeler/conversations?dataSourceId="
                + dataSourceId).body());
        JsonNode elsewhere = Stack.json(Stack.get(alice, "/api/v1/ai/modeler/conversations?dataSourceId=ds_none").body());
        String victor = Stack.token("victor", "victor");
        String carol = Stack.token("carol", "carol");
        String anna = Stack.token("anna", "anna");
        String bob = Stack.token("bob", "bob");
        JsonNode victors = Stack.json(Stack.get(victor, "/api/v1/ai/modeler/conversations").body());
        JsonNode carols = Stack.json(Stack.get(carol, "/api/v1/ai/modeler/conversations").body());
        JsonNode annas = Stack.json(Stack.get(anna, "/api/v1/ai/modeler/conversations?dataSourceId=" + dataSourceId)
                .body());
        JsonNode bobs = Stack.json(Stack.get(bob, "/api/v1/ai/modeler/conversations").body());
        HttpResponse<String> carolOpens = Stack.get(carol, "/api/v1/ai/modeler/conversations/" + dataModelId);
        HttpResponse<String> carolOpensById = Stack.get(carol, "/api/v1/ai/modeler/conversations/" + dataModelId
                + "?conversationId=" + conversationId);
        HttpResponse<String> victorOpens = Stack.get(victor, "/api/v1/ai/modeler/conversations/" + dataModelId);
        HttpResponse<String> annaOpens = Stack.get(anna, "/api/v1/ai/modeler/conversations/" + dataModelId
                + "?conversationId=" + conversationId);
        HttpResponse<String> opened = Stack.get(alice, "/api/v1/ai/modeler/conversations/" + dataModelId
                + "?conversationId=" + conversationId);
        HttpResponse<String> otherId = Stack.get(alice, "/api/v1/ai/modeler/conversations/" + dataModelId
                + "?conversationId=conv_unknown");
        HttpResponse<String> bobOpens = Stack.get(bob, "/api/v1/ai/modeler/conversations/" + dataModelId
                + "?conversationId=" + conversationId);

        // Then the model read the draft's latest version in its brief
        assertThat(Stack.json(draft.body()).path("version").asLong()).isEqualTo(2);
        assertThat(turn.statusCode()).as(turn.body()).isEqualTo(200);
        assertThat(AiHubStack.model().requestsFor(model)).singleElement().satisfies(r -> {
            assertThat(r.mentions("Current model draft (version 2)")).isTrue();
            assertThat(r.mentions("fct_orders_weekly")).isTrue();
        });
        // the saved conversation is listed for alice, newest first, with its messages and draft version
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode first = mine.path("conversations").get(0);
        assertThat(first.path("conversationId").asText()).isEqualTo(conversationId);
        assertThat(first.path("dataModelId").asText()).isEqualTo(dataModelId);
        assertThat(first.path("dataSourceId").asText()).isEqualTo(dataSourceId);
        assertThat(first.path("title").asText()).isEqualTo("weekly orders " + AiHubStack.RUN);
        assertThat(first.path("savedBy").asText()).isNotBlank();
        assertThat(first.path("messageCount").asInt(-1)).isEqualTo(3);
        assertThat(first.path("modelDraftVersion").asInt(-1)).isEqualTo(2);
        assertThat(mineHere.path("conversations").findValuesAsText("conversationId")).contains(conversationId);
        assertThat(elsewhere.path("conversations")).isEmpty();
        // other users of acme (an engineer, a viewer) and a user of globex do not see it in their lists; acme's admin does
        assertThat(victors.path("conversations").isArray()).isTrue();
        assertThat(victors.path("conversations").findValuesAsText("conversationId")).doesNotContain(conversationId);
        assertThat(carols.path("conversations").isArray()).isTrue();
        assertThat(carols.path("conversations").findValuesAsText("conversationId")).doesNotContain(conversationId);
        assertThat(bobs.path("conversations").isArray()).isTrue();
        assertThat(bobs.path("conversations").findValuesAsText("conversationId")).doesNotContain(conversationId);
        assertThat(annas.path("conversations").findValuesAsText("conversationId")).contains(conversationId);
        // nor can they open it: the same 404 as for an id that does not exist; acme's admin opens it read-only
        for (HttpResponse<String> refused : List.of(carolOpens, carolOpensById, victorOpens)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
            assertThat(Stack.json(refused.body()).path("code").asText()).isEqualTo("conversation_not_found");
            assertThat(refused.body()).doesNotContain("Is a weekly grain enough?");
        }
        assertThat(annaOpens.statusCode()).as(annaOpens.body()).isEqualTo(200);
        assertThat(Stack.json(annaOpens.body()).path("readOnly").asBoolean()).isTrue();
        assertThat(Stack.json(annaOpens.body()).path("messages").findValuesAsText("content"))
                .contains("Is a weekly grain enough?");
        // it opens read-only by its id, with the draft it was saved with; unknown ids and other tenants get 404
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        JsonNode conversation = Stack.json(opened.body());
        assertThat(conversation.path("readOnly").asBoolean()).isTrue();
        assertThat(conversation.path("modelDraft").path("version").asInt(-1)).isEqualTo(2);
        assertThat(conversation.path("modelDraft").path("model").path("facts").get(0).path("name").asText())
                .isEqualTo("fct_orders_weekly");
        assertThat(otherId.statusCode()).as(otherId.body()).isEqualTo(404);
        assertThat(Stack.json(otherId.body()).path("code").asText()).isEqualTo("conversation_not_found");
        assertThat(bobOpens.statusCode()).as(bobOpens.body()).isEqualTo(404);
    }

    /** The modeler's Redis keys of acme on the data source (any user), counted with KEYS over RESP. */
    private static long redisKeys() {
        URI redis = URI.create(Infra.redisUrl());
        try (Socket socket = new Socket(redis.getHost(), redis.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("KEYS aide:ai:session:*:acme:" + dataSourceId + ":*\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String header = in.readLine();
            assertThat(header).as("Redis answered KEYS with %s", header).startsWith("*");
            return Long.parseLong(header.substring(1));
        } catch (IOException e) {
            throw new UncheckedIOException("Redis at " + redis + ": " + e.getMessage(), e);
        }
    }

    /** Each of the modeler's Redis keys of acme on the data source with its time to live in seconds (KEYS, then TTL). */
    private static Map<String, Long> redisTtls() {
        URI redis = URI.create(Infra.redisUrl());
        try (Socket socket = new Socket(redis.getHost(), redis.getPort())) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out.write(("KEYS aide:ai:session:*:acme:" + dataSourceId + ":*\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            int count = Integer.parseInt(in.readLine().substring(1));
            List<String> keys = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                in.readLine();
                keys.add(in.readLine());
            }
            Map<String, Long> ttls = new java.util.TreeMap<>();
            for (String key : keys) {
                out.write(("TTL " + key + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                ttls.put(key, Long.parseLong(in.readLine().substring(1)));
            }
            return ttls;
        } catch (IOException e) {
            throw new UncheckedIOException("Redis at " + redis + ": " + e.getMessage(), e);
        }
    }

    /** Messages PostgreSQL holds for acme's saved conversation of the data model. */
    private static int storedMessages(String dataModelId) throws SQLException {
        try (Connection c = DriverManager.getConnection(Infra.pgJdbcUrl("aihub"), Infra.pgUser(), Infra.pgPassword());
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM conversation_messages m JOIN conversations c"
                     + " ON c.id = m.conversation_id WHERE c.tenant_id = 'acme' AND c.data_model_id = ?")) {
            s.setString(1, dataModelId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
