package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.Stack.SseEvent;
import io.aide.testsupport.ScriptedModelServer.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.aide.testsupport.ScriptedModelServer.chunks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The AI hub on a registered PostgreSQL database (no sample files): block refinement, whose candidate runs on rows the
 * validator samples from that database (a block the database's columns do not support is repaired with its error,
 * one that runs becomes a new block version), and the deterministic data modeler on the database's schema and rows.
 */
class AiHubOnRegisteredDatabaseThroughGatewayIT extends AiHubGatewayTests {
    private static final String DATABASE = "e2e_refine_shop";
    private static final String TARGET = "sales_lines";
    private static String dataSourceId;
    private static String generationId;
    private static String lastEventId;

    @BeforeAll
    static void databaseGeneration() throws Exception {
        RegisteredShop.recreate(DATABASE);
        try (Connection c = RegisteredShop.connect(DATABASE);
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA sales");
            st.execute("CREATE TABLE sales.customer (customer_id int PRIMARY KEY, customer_name text NOT NULL,"
                    + " segment text)");
            st.execute("CREATE TABLE sales.invoice (invoice_id int PRIMARY KEY, country text NOT NULL, invoiced_on date,"
                    + " customer_id int REFERENCES sales.customer (customer_id))");
            st.execute("CREATE TABLE sales.invoice_line (invoice_line_id int PRIMARY KEY,"
                    + " invoice_id int NOT NULL REFERENCES sales.invoice (invoice_id), unit_price_cents int NOT NULL)");
            st.execute("INSERT INTO sales.customer VALUES (1, 'Ada', 'retail'), (2, 'Brian', 'wholesale')");
            st.execute("INSERT INTO sales.invoice VALUES (10, 'de', '2024-03-01', 1), (11, 'fr', '2024-03-02', 2),"
                    + " (12, 'no', '2024-03-05', 1)");
            st.execute("INSERT INTO sales.invoice_line VALUES (1, 10, 1999), (2, 10, 500), (3, 11, 12000),"
                    + " (4, 12, 250), (5, 12, 750), (6, 12, 99)");
        }
        dataSourceId = RegisteredShop.register(alice, "refine shop", DATABASE);
        String documentId = RegisteredShop.uploadSalesLinesMapping(alice);
        generationId = Stack.newGenerationId();
        var stream = Stack.events(alice, generationId, null);
        CompletableFuture<List<SseEvent>> events = CompletableFuture.supplyAsync(() -> stream.readUntil("done"));
        HttpResponse<String> started = Stack.postJson(alice, "/api/v1/generations", Map.of("generationId", generationId,
                "documentId", documentId, "dialects", List.of("duckdb"), "dataSourceId", dataSourceId));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        List<SseEvent> received = events.get(180, TimeUnit.SECONDS);
        assertThat(received).extracting(SseEvent::event).contains("generation_complete");
        lastEventId = new AiHubStack.Generation(generationId, received).lastEventId();
    }

    @Test
    void shouldRepairACandidateWithTheDatabaseSamplesErrorAndStoreTheOneThatRunsOnIt() {
        // Given: first a filter on a column the database does not have, then one on a column it has
        String bad = "WHERE \"sales\".\"invoice\".\"region\" <> 'no'";
        String good = "WHERE \"sales\".\"invoice\".\"country\" <> 'no'";
        String model = AiHubStack.modelName("refine-database");
        AiHubStack.model().script(model, chunks(bad), chunks(good));
        AiHubStack.useModel(model);
        int before = block("where_clause").path("version").asInt();

        // When
        AiHubStack.Refined refined = AiHubStack.refine(alice, generationId, TARGET, "where_clause",
                "leave out the Norwegian invoices", lastEventId);
        lastEventId = refined.lastEventId();

        // Then the first candidate failed on the database's rows with its error, and the repaired one was stored
        JsonNode result = AiHubStack.aiResult(refined.events());
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("completed");
        assertThat(result.path("content").asText()).isEqualTo(good);
        List<Request> calls = AiHubStack.model().requestsFor(model);
        assertThat(calls).as("%s", refined.events()).hasSize(2);
        assertThat(calls.get(1).mentions("failed when the layer ran on the sample")).isTrue();
        assertThat(calls.get(1).mentions("region")).as(calls.get(1).unescaped()).isTrue();
        assertThat(refined.events()).filteredOn(e -> e.event().equals("thought"))
                .extracting(e -> e.json().path("content").asText())
                .anySatisfy(t -> assertThat(t).contains("ran on the sample").contains("after 1 repair(s)"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode after = block("where_clause");
            assertThat(after.path("version").asInt()).isGreaterThan(before);
            assertThat(after.path("sql").asText()).isEqualTo(good);
        });
    }

    @Test
    void shouldModelTheRegisteredDatabaseAsADataEngineerWouldWithoutAModel() {
        // Given
        AiHubStack.removeModel();

        // When
        HttpResponse<String> answer = Stack.get(alice, "/api/v1/ai/modeler/datasources/" + dataSourceId + "/analysis");
        HttpResponse<String> ddl = Stack.get(alice, "/api/v1/ai/modeler/datasources/" + dataSourceId
                + "/analysis?dialect=postgres");

        // Then the lines are the fact, the invoice its header, the customer and the calendar its dimensions
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode analysis = Stack.json(answer.body());
        assertThat(analysis.path("summary").path("tableCount").asInt()).isEqualTo(3);
        assertThat(analysis.path("summary").path("totalForeignKeys").asInt()).isEqualTo(2);
        assertThat(names(analysis.path("starSchema").path("facts"))).containsExactly("fact_invoice_line");
        assertThat(names(analysis.path("starSchema").path("dimensions")))
                .contains("dim_customer", "dim_date").doesNotContain("dim_invoice_line");
        JsonNode fact = analysis.path("starSchema").path("facts").get(0);
        assertThat(names(fact.path("measures"))).contains("unit_price_cents");
        List<String> keyDimensions = new java.util.ArrayList<>();
        fact.path("keys").forEach(k -> keyDimensions.add(k.path("dimension").asText()));
        assertThat(keyDimensions).contains("dim_customer", "dim_date");
        assertThat(analysis.path("answer").asText()).contains("invoice_line").contains("needs a language model");
        assertThat(ddl.statusCode()).as(ddl.body()).isEqualTo(200);
        assertThat(ddl.body()).contains("CREATE TABLE fact_invoice_line").contains("CREATE TABLE dim_customer");
    }

    /** The names of a list's entries (not of what they hold). */
    private static List<String> names(JsonNode list) {
        List<String> out = new java.util.ArrayList<>();
        list.forEach(n -> out.add(n.path("name").asText()));
        return out;
    }

    private static JsonNode block(String blockName) {
        return AiHubStack.block(alice, generationId, TARGET, blockName);
    }
}
