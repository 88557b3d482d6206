package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.testsupport.ScriptedModelServer.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.aide.testsupport.ScriptedModelServer.chunks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Block refinement of a generation's PostgreSQL rendering: the candidate runs on the generation's sample in the platform
 * PostgreSQL's sandbox database (the validator's {@code engine: postgres}), PostgreSQL's error repairs it, the one that
 * runs becomes a new version of the postgres rendering (the duckdb one unchanged); a rendering no engine here runs
 * (Snowflake, BigQuery) is refused with what to do instead, before any model call.
 */
class AiHubRefineOnPostgresThroughGatewayIT extends AiHubGatewayTests.OnJaffleShop {
    private static AiHubStack.Generation generation;
    private static String lastEventId;

    @BeforeAll
    static void postgresGeneration() {
        AiHubStack.removeModel();
        generation = AiHubStack.generate(alice, AiHubStack.orderStatusMapping(),
                List.of("duckdb", "postgres", "snowflake"));
        lastEventId = generation.lastEventId();
    }

    @Test
    void shouldStoreACandidateThatRunsOnPostgresqlAsThePostgresRendering() {
        // Given
        String good = "WHERE \"raw_orders\".\"status\" IS DISTINCT FROM 'returned'";
        String model = AiHubStack.modelName("refine-pg-ok");
        AiHubStack.model().script(model, chunks("WHERE \"raw_orders\".\"status\"", " IS DISTINCT FROM 'returned'"));
        AiHubStack.useModel(model);
        JsonNode before = block();
        String duckdbBefore = before.path("sql_by_dialect").path("duckdb").asText();

        // When
        AiHubStack.Refined refined = AiHubStack.refine(alice, generation.id(), AiHubStack.TARGET, "where_clause",
                "postgres", "leave out returned orders", lastEventId);
        lastEventId = refined.lastEventId();

        // Then
        JsonNode result = AiHubStack.aiResult(refined.events());
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("completed");
        assertThat(result.path("content").asText()).isEqualTo(good);
        List<Request> calls = AiHubStack.model().requestsFor(model);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).mentions("Dialect: postgres")).isTrue();
        assertThat(calls.get(0).mentions("(PostgreSQL)")).isTrue();
        assertThat(refined.events()).filteredOn(e -> e.event().equals("thought"))
                .extracting(e -> e.json().path("content").asText())
                .anySatisfy(t -> assertThat(t).contains("ran on the sample on PostgreSQL"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode after = block();
            assertThat(after.path("version").asInt()).isGreaterThan(before.path("version").asInt());
            assertThat(after.path("sql_by_dialect").path("postgres").asText()).isEqualTo(good);
            assertThat(after.path("sql_by_dialect").path("duckdb").asText()).isEqualTo(duckdbBefore);
        });
    }

    @Test
    void shouldRepairAPostgresCandidateWithPostgresqlsErrorAndStoreIt() {
        // Given: first a filter on a column the sample lacks, then one on a column it has
        String bad = "WHERE \"raw_orders\".\"refund_state\" <> 'returned'";
        String good = "WHERE \"raw_orders\".\"status\" <> 'returned'";
        String model = AiHubStack.modelName("refine-pg-repair");
        AiHubStack.model().script(model, chunks(bad), chunks(good));
        AiHubStack.useModel(model);
        JsonNode before = block();

        // When
        AiHubStack.Refined refined = AiHubStack.refine(alice, generation.id(), AiHubStack.TARGET, "where_clause",
                "postgres", "leave out returned orders", lastEventId);
        lastEventId = refined.lastEventId();

        // Then PostgreSQL refused the first with its own words, and the repaired one became the postgres rendering
        JsonNode result = AiHubStack.aiResult(refined.events());
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("completed");
        assertThat(result.path("content").asText()).isEqualTo(good);
        List<Request> calls = AiHubStack.model().requestsFor(model);
        assertThat(calls).as("%s", refined.events()).hasSize(2);
        assertThat(calls.get(1).mentions("postgres:binding")).as(calls.get(1).unescaped()).isTrue();
        assertThat(calls.get(1).mentions("column raw_orders.refund_state does not exist"))
                .as(calls.get(1).unescaped()).isTrue();
        assertThat(refined.events()).filteredOn(e -> e.event().equals("thought"))
                .extracting(e -> e.json().path("content").asText())
                .anySatisfy(t -> assertThat(t).contains("ran on the sample on PostgreSQL").contains("after 1 repair(s)"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode after = block();
            assertThat(after.path("version").asInt()).isGreaterThan(before.path("version").asInt());
            assertThat(after.path("sql_by_dialect").path("postgres").asText()).isEqualTo(good);
        });
    }

    @Test
    void shouldRefuseARenderingNoEngineHereRunsWithoutCallingTheModel() {
        // Given
        String model = AiHubStack.modelName("refine-snowflake");
        AiHubStack.model().script(model, chunks("WHERE TRUE"));
        AiHubStack.useModel(model);

        // When
        AiHubStack.Refined refined = AiHubStack.refine(alice, generation.id(), AiHubStack.TARGET, "where_clause",
                "snowflake", "leave out returned orders", lastEventId);
        lastEventId = refined.lastEventId();

        // Then
        JsonNode result = AiHubStack.aiResult(refined.events());
        assertThat(result.path("status").asText()).isEqualTo("failed");
        assertThat(result.path("code").asText()).isEqualTo("refine_dialect_unsupported");
        assertThat(result.path("message").asText()).contains("no snowflake engine runs here")
                .contains("refine the duckdb, spark or postgres rendering");
        assertThat(AiHubStack.model().requestsFor(model)).isEmpty();
    }

    private static JsonNode block() {
        return AiHubStack.blockInEveryDialect(alice, generation.id(), "where_clause");
    }
}
