package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import io.aide.testsupport.ScriptedModelServer.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.aide.testsupport.ScriptedModelServer.chunks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Block refinement of a generation's Spark SQL rendering: the candidate runs with Spark (the validator's runner on the
 * test cluster) on the generation's sample, Spark's error repairs it, the one that runs becomes a new version of the
 * spark rendering (the duckdb one unchanged). The postgres rendering and the refused ones: AiHubRefineOnPostgresThroughGatewayIT.
 */
class AiHubRefineOnSparkThroughGatewayIT extends AiHubGatewayTests.OnJaffleShop {
    private static AiHubStack.Generation generation;
    private static String lastEventId;

    @BeforeAll
    static void sparkGeneration() {
        AiHubStack.removeModel();
        warmSpark();
        generation = AiHubStack.generate(alice, AiHubStack.orderStatusMapping(), List.of("duckdb", "spark"));
        lastEventId = generation.lastEventId();
    }

    /** Without a model a query with SQL runs as it is: asked again while the runner reports it is starting. */
    private static void warmSpark() {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(10)).until(() -> {
            SseStream stream = Stack.postEvents(alice, "/api/v1/viz/runs", Map.of("sql",
                    "SELECT count(*) AS n FROM raw_orders", "dataSourceId", dataSourceId, "engine", "spark"));
            List<SseEvent> events = CompletableFuture.supplyAsync(() -> stream.readUntil("done")).get(180, TimeUnit.SECONDS);
            return events.stream().noneMatch(e -> e.event().equals("error")
                    && e.json().path("message").asText().contains("unavailable:spark_starting"));
        });
    }

    @Test
    void shouldRepairASparkCandidateWithSparksErrorAndStoreItAsTheSparkRendering() {
        // Given: first a filter on a column the sample lacks, then one on a column it has
        String bad = "WHERE `refund_state` <> 'returned'";
        String good = "WHERE `status` <> 'returned'";
        String model = AiHubStack.modelName("refine-spark");
        AiHubStack.model().script(model, chunks(bad), chunks(good));
        AiHubStack.useModel(model);
        JsonNode before = block();
        String duckdbBefore = before.path("sql_by_dialect").path("duckdb").asText();

        // When
        AiHubStack.Refined refined = AiHubStack.refine(alice, generation.id(), AiHubStack.TARGET, "where_clause",
                "spark", "leave out returned orders", lastEventId);
        lastEventId = refined.lastEventId();

        // Then Spark refused the first with its reason, and the repaired one became the spark rendering
        JsonNode result = AiHubStack.aiResult(refined.events());
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("completed");
        assertThat(result.path("content").asText()).isEqualTo(good);
        List<Request> calls = AiHubStack.model().requestsFor(model);
        assertThat(calls).as("%s", refined.events()).hasSize(2);
        assertThat(calls.get(0).mentions("Dialect: spark")).isTrue();
        assertThat(calls.get(0).mentions("Spark SQL")).isTrue();
        assertThat(calls.get(1).mentions("refund_state")).as(calls.get(1).unescaped()).isTrue();
        assertThat(refined.events()).filteredOn(e -> e.event().equals("thought"))
                .extracting(e -> e.json().path("content").asText())
                .anySatisfy(t -> assertThat(t).contains("ran on the sample with Spark").contains("after 1 repair(s)"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode after = block();
            assertThat(after.path("version").asInt()).isGreaterThan(before.path("version").asInt());
            assertThat(after.path("sql_by_dialect").path("spark").asText()).isEqualTo(good);
            assertThat(after.path("sql_by_dialect").path("duckdb").asText()).isEqualTo(duckdbBefore);
        });
    }

    private static JsonNode block() {
        return AiHubStack.blockInEveryDialect(alice, generation.id(), "where_clause");
    }
}
