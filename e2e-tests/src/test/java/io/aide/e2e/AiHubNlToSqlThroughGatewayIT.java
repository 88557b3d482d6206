package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.testsupport.ScriptedModelServer.Request;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.aide.testsupport.ScriptedModelServer.late;
import static io.aide.testsupport.ScriptedModelServer.malformed;
import static io.aide.testsupport.ScriptedModelServer.oversized;
import static io.aide.testsupport.ScriptedModelServer.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * NL-to-SQL through the gateway over the jaffle-shop data source: the scripted model's query runs on the sample in
 * the real validator and the typed rows come back; a query the sample refuses is repaired with the validator's
 * error; a malformed model answer is a clear 502.
 */
class AiHubNlToSqlThroughGatewayIT extends AiHubGatewayTests.OnJaffleShop {
    private static final String SQL = "SELECT status, count(*) AS orders FROM raw_orders GROUP BY status ORDER BY status";

    @Test
    void shouldRunTheModelsQueryOnTheSampleAndAnswerTypedRows() {
        // Given
        String model = AiHubStack.modelName("nl2sql-good");
        AiHubStack.model().script(model, text(SQL));
        AiHubStack.useModel(model);

        // When
        HttpResponse<String> answered = ask("How many orders are there in each status?");

        // Then the rows are jaffle-shop's orders counted per status, as the sample file holds them
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode answer = Stack.json(answered.body());
        assertThat(answer.path("sql").asText()).isEqualTo(SQL);
        assertThat(answer.path("attempts").asInt()).isEqualTo(1);
        assertThat(answer.path("columns").findValuesAsText("name")).containsExactly("status", "orders");
        assertThat(answer.path("columns").path(1).path("type").asText()).isEqualTo("BIGINT");
        Map<String, Long> expected = AiHubStack.csvRows("raw_orders").stream()
                .collect(Collectors.groupingBy(r -> r[3], TreeMap::new, Collectors.counting()));
        Map<String, Long> actual = new TreeMap<>();
        answer.path("rows").forEach(r -> actual.put(r.path(0).asText(), r.path(1).asLong()));
        assertThat(actual).isEqualTo(expected);
        assertThat(AiHubStack.model().requestsFor(model)).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer " + AiHubStack.ACME_KEY);
            assertThat(r.mentions("How many orders are there in each status?")).isTrue();
            assertThat(r.mentions("raw_orders")).isTrue();
        });
    }

    @Test
    void shouldRepairAQueryTheSampleRefusesWithTheValidatorsError() {
        // Given a model whose first query names a column the sample lacks
        String model = AiHubStack.modelName("nl2sql-repair");
        AiHubStack.model().script(model, text(SQL.replace("status", "order_state")), text(SQL));
        AiHubStack.useModel(model);

        // When
        HttpResponse<String> answered = ask("How many orders are there in each status?");

        // Then
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(Stack.json(answered.body()).path("attempts").asInt()).isEqualTo(2);
        List<Request> calls = AiHubStack.model().requestsFor(model);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).mentions("That query failed on the sample")).isTrue();
        assertThat(calls.get(1).mentions("order_state")).isTrue();
    }

    @Test
    void shouldAnswerAMalformedModelAnswerAsAClear502() {
        // Given
        String model = AiHubStack.modelName("nl2sql-malformed");
        AiHubStack.model().script(model, malformed());
        AiHubStack.useModel(model);

        // When
        HttpResponse<String> answered = ask("How many orders are there in each status?");

        // Then
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(502);
        assertThat(answered.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = Stack.json(answered.body());
        assertThat(problem.path("code").asText()).isEqualTo("llm_call_failed");
        assertThat(problem.path("detail").asText()).contains(model).doesNotContain(AiHubStack.ACME_KEY)
                .doesNotContain("Exception");
    }

    @Test
    void shouldAnswerAnOversizedModelAnswerAsAClear502WithoutRunningIt() {
        // Given
        String model = AiHubStack.modelName("nl2sql-oversized");
        AiHubStack.model().script(model, oversized(150_000));
        AiHubStack.useModel(model);

        // When
        HttpResponse<String> answered = ask("How many orders are there in each status?");

        // Then
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(502);
        JsonNode problem = Stack.json(answered.body());
        assertThat(problem.path("code").asText()).isEqualTo("llm_answer_too_large");
        assertThat(problem.path("detail").asText()).contains("150000 characters").contains(model);
        assertThat(AiHubStack.model().requestsFor(model)).hasSize(1);
    }

    @Test
    void shouldAnswerAModelThatDoesNotAnswerInTimeAsAClear502() {
        // Given a model slower than the tenant's timeout of 1 s
        String model = AiHubStack.modelName("nl2sql-slow");
        AiHubStack.model().script(model, late(Duration.ofSeconds(3), text(SQL)));
        AiHubStack.useModel(model, 1);

        // When
        HttpResponse<String> answered = ask("How many orders are there in each status?");

        // Then
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(502);
        JsonNode problem = Stack.json(answered.body());
        assertThat(problem.path("code").asText()).isEqualTo("llm_call_failed");
        assertThat(problem.path("detail").asText()).contains(model).containsIgnoringCase("timeout");
    }

    @Test
    void shouldAnswer404ForADataSourceThatIsNotTheTenants() {
        // Given
        String model = AiHubStack.modelName("nl2sql-unknown");
        AiHubStack.model().script(model, text(SQL));
        AiHubStack.useModel(model);

        // When
        HttpResponse<String> answered = Stack.postJson(alice, "/api/v1/ai/nl2sql", Map.of("dataSourceId",
                "ds_" + AiHubStack.RUN + "_nowhere", "question", "How many orders?"));

        // Then
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(404);
        assertThat(Stack.json(answered.body()).path("code").asText()).isEqualTo("datasource_not_found");
        assertThat(AiHubStack.model().requestsFor(model)).isEmpty();
    }

    private static HttpResponse<String> ask(String question) {
        return Stack.postJson(alice, "/api/v1/ai/nl2sql", Map.of("dataSourceId", dataSourceId, "question", question));
    }
}
