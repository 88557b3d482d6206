package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import io.aide.events.EventJson;
import io.aide.testsupport.Infra;
import io.aide.testsupport.ScriptedModelServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static io.aide.testsupport.ScriptedModelServer.chunks;
import static io.aide.testsupport.ScriptedModelServer.toolCall;
import static io.aide.testsupport.ScriptedModelServer.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The visualization agent's {@code submit_spark} through the gateway: the scripted model calls it with Spark SQL
 * (backquoted names, which DuckDB's parser refuses), the validator runs it with its Spark runner as an application of
 * the test environment's Spark standalone cluster (./aide test points the validator at it), and the stream delivers
 * {@code data_ready} with the rows Spark computed on the jaffle-shop sample.
 */
class AiHubSparkVizThroughGatewayIT extends AiHubGatewayTests.OnJaffleShop {
    private static final String SPARK_SQL = "SELECT `status`, count(*) AS `orders` FROM raw_orders GROUP BY `status` "
            + "ORDER BY `status`";
    private static final List<String> COMPONENT = List.of("export default function Viz({ data, params }) {\n",
            "  return <ol>{data.rows.map((r) => <li key={r[0]}>{r[0]}: {r[1]}</li>)}</ol>;\n", "}\n");

    /**
     * One run; while the validator's Spark runner is still starting (the suite may reach this class before its cold
     * start is over) the run reports {@code unavailable:spark_starting} and, as that answer says, is asked again.
     */
    private static List<SseEvent> run(Map<String, Object> body) {
        AtomicReference<List<SseEvent>> events = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(10)).until(() -> {
            SseStream stream = Stack.postEvents(alice, "/api/v1/viz/runs", body);
            events.set(CompletableFuture.supplyAsync(() -> stream.readUntil("done")).get(180, TimeUnit.SECONDS));
            assertThat(stream.status).isEqualTo(200);
            return events.get().stream().noneMatch(e -> e.event().equals("error")
                    && e.json().path("message").asText().contains("unavailable:spark_starting"));
        });
        return events.get();
    }

    @Test
    void shouldRunTheModelsSubmitSparkCallOnTheClusterAndDeliverItsRows() throws Exception {
        // Given the model calls submit_spark (a native tool call in a plain completion), then writes the component
        // (streamed)
        String model = AiHubStack.modelName("viz-spark");
        String arguments = EventJson.toJson(Map.of("thought", "Counting orders per status with Spark.", "sql",
                SPARK_SQL));
        AiHubStack.model().script(model, r -> r.streamed() ? chunks(COMPONENT.toArray(String[]::new))
                : toolCalls(toolCall("call_spark", "submit_spark", arguments)));
        AiHubStack.useModel(model);

        // When
        List<SseEvent> events = run(Map.of("question", "How many orders are there in each status?",
                "dataSourceId", dataSourceId, "engine", "spark"));

        // Then
        assertThat(events).extracting(SseEvent::event).doesNotContain("error").contains("thought", "data", "code", "done");
        assertThat(events).filteredOn(e -> e.event().equals("thought")).extracting(e -> e.json().path("content").asText())
                .contains("Counting orders per status with Spark.")
                .anySatisfy(t -> assertThat(t).startsWith("Calling submit_spark"));
        JsonNode data = events.stream().filter(e -> e.event().equals("data")).findFirst().orElseThrow().json();
        assertThat(data.path("type").asText()).isEqualTo("data_ready");
        assertThat(data.path("sql").asText()).isEqualTo(SPARK_SQL);
        JsonNode done = events.get(events.size() - 1).json();
        assertThat(done.path("code_complete").asBoolean()).isTrue();
        assertThat(done.path("data_ready").asBoolean()).isTrue();
        HttpResponse<String> fetched = Stack.get(alice, data.path("url").asText());
        assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
        JsonNode result = Stack.json(fetched.body());
        assertThat(result.path("columns").findValuesAsText("name")).containsExactly("status", "orders");
        assertThat(result.path("columns").findValuesAsText("type")).containsExactly("VARCHAR", "BIGINT");
        assertThat(rowsByStatus(result)).isEqualTo(ordersByStatus()).isNotEmpty();
        assertThat(events.stream().filter(e -> e.event().equals("code")).map(e -> e.json().path("content").asText())
                .collect(Collectors.joining())).isEqualTo(String.join("", COMPONENT));
        // and the Spark that ran it is the standalone cluster's: its master lists the validator's runner as a running
        // application holding the worker's cores, not a local[*] driver of its own
        JsonNode master = Stack.json(Stack.HTTP.send(HttpRequest.newBuilder(URI.create(Infra.sparkMasterWebUrl()
                + "/json/")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(master.path("url").asText()).isEqualTo(Infra.sparkMaster());
        assertThat(master.path("aliveworkers").asInt(-1)).isPositive();
        assertThat(master.path("activeapps")).anySatisfy(app -> {
            assertThat(app.path("name").asText()).isEqualTo("aide-spark-runner");
            assertThat(app.path("state").asText()).isEqualTo("RUNNING");
            assertThat(app.path("cores").asInt(-1)).isPositive();
        });
    }

    @Test
    void shouldReportSparksReasonWhenTheModelsSparkQueryIsRefusedTwice() throws Exception {
        // Given the model's submit_spark names a column the sample does not have, and again when given Spark's error
        String model = AiHubStack.modelName("viz-spark-refused");
        String arguments = EventJson.toJson(Map.of("sql",
                "SELECT `order_state`, count(*) AS n FROM raw_orders GROUP BY `order_state`"));
        AiHubStack.model().script(model, r -> r.streamed() ? chunks(COMPONENT.toArray(String[]::new))
                : toolCalls(toolCall(r.toolResult("call_first").isPresent() ? "call_second" : "call_first",
                "submit_spark", arguments)));
        AiHubStack.useModel(model);

        // When
        List<SseEvent> events = run(Map.of("question", "How many orders are there in each state?",
                "dataSourceId", dataSourceId, "engine", "spark"));

        // Then: one repair round, then an error naming Spark's reason; no data, no component
        JsonNode error = events.stream().filter(e -> e.event().equals("error")).findFirst().orElseThrow().json();
        assertThat(error.path("stage").asText()).isEqualTo("sql_execution");
        assertThat(error.path("message").asText()).contains("submit_spark").contains("spark:analyze")
                .contains("order_state");
        assertThat(events).extracting(SseEvent::event).doesNotContain("data", "code");
        assertThat(events.get(events.size() - 1).json().path("data_ready").asBoolean()).isFalse();
        assertThat(events).filteredOn(e -> e.event().equals("thought")).extracting(e -> e.json().path("content").asText())
                .filteredOn(t -> t.startsWith("Calling submit_spark")).hasSize(2);
        // the first call's failure went back as its result, Spark's reason in it; the run then stopped (one repair)
        List<ScriptedModelServer.Request> requests = AiHubStack.model().requestsFor(model);
        assertThat(requests).noneMatch(ScriptedModelServer.Request::streamed);
        assertThat(requests.get(requests.size() - 1).toolResult("call_first")).hasValueSatisfying(result ->
                assertThat(result).startsWith("submit_spark failed (").contains("spark:analyze").contains("order_state")
                        .endsWith("\nCall submit_spark again with the corrected query."));
        assertThat(requests.get(requests.size() - 1).tools()).containsOnlyKeys("run_sql", "submit_spark");
    }

    @Test
    void shouldReportSparksReasonWhenTheSparkQueryFails() throws Exception {
        // Given no model: the caller's SQL runs with the Spark engine and names a column the sample does not have
        AiHubStack.removeModel();

        // When
        List<SseEvent> events = run(Map.of("sql", "SELECT `order_state` FROM raw_orders", "dataSourceId", dataSourceId,
                "engine", "spark"));

        // Then
        JsonNode error = events.stream().filter(e -> e.event().equals("error")).findFirst().orElseThrow().json();
        assertThat(error.path("stage").asText()).isEqualTo("sql_execution");
        assertThat(error.path("message").asText()).contains("submit_spark").contains("spark:analyze")
                .contains("order_state").contains("UNRESOLVED_COLUMN");
        assertThat(events.get(events.size() - 1).json().path("data_ready").asBoolean()).isFalse();
    }
}
