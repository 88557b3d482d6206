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
import static io.aide.testsupport.ScriptedModelServer.text;
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
        // Given the model calls submit_spark (a plain completion), then writes the component (streamed)
        String model = AiHubStack.modelName("viz-spark");
        String call = EventJson.toJson(Map.of("thought", "Counting orders per status with Spark.", "tool",
                "submit_spark", "sql", SPARK_SQL));
        AiHubStack.model().script(model, r -> r.streamed() ? chunks(COMPONENT.toArray(String[]::new)) : text(call));
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
        // Given the model's submit_spark names a column the sample does not have, and again when asked to correct it
        String model = AiHubStack.modelName("viz-spark-refused");
        String call = EventJson.toJson(Map.of("tool", "submit_spark", "sql",
                "SELECT `order_state`, count(*) AS n FROM raw_orders GROUP BY `order_state`"));
        AiHubStack.model().script(model, r -> r.streamed() ? chunks(COMPONENT.toArray(String[]::new)) : text(call));
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
        assertThat(AiHubStack.model().requestsFor(model)).noneMatch(ScriptedModelServer.Request::streamed);
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
