package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.aide.testsupport.ScriptedModelServer.failure;
import static io.aide.testsupport.ScriptedModelServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The circuit breaker of acme's model endpoint through the gateway: repeated model failures (HTTP 500 from the
 * scripted server) open it, and a call while it is open is a clear 503 problem+json that reaches no model; once the
 * model answers again, the first call after the breaker's delay (AIDE_LLM_CIRCUIT_BREAKER_DELAY, 30 s in the test
 * stack) closes it.
 */
class AiHubCircuitBreakerThroughGatewayIT extends AiHubGatewayTests.OnJaffleShop {
    private static final AtomicBoolean RECOVERED = new AtomicBoolean();

    @Test
    void shouldOpenAfterRepeatedModelFailuresAndCloseWhenTheModelAnswersAgain() {
        // Given a model that fails until it recovers
        String model = AiHubStack.modelName("circuit");
        AiHubStack.model().script(model, r -> RECOVERED.get() ? text("SELECT count(*) AS orders FROM raw_orders")
                : failure(500, "scripted outage"));
        AiHubStack.useModel(model);

        // When calls fail until the breaker opens
        HttpResponse<String> first = ask();
        HttpResponse<String> open = first;
        for (int i = 0; i < 5 && open.statusCode() != 503; i++) {
            open = ask();
        }
        int callsWhenOpen = AiHubStack.model().requestsFor(model).size();
        HttpResponse<String> stillOpen = ask();

        // Then
        assertThat(first.statusCode()).as(first.body()).isEqualTo(502);
        assertThat(Stack.json(first.body()).path("code").asText()).isEqualTo("llm_call_failed");
        assertThat(open.statusCode()).as(open.body()).isEqualTo(503);
        assertThat(open.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = Stack.json(open.body());
        assertThat(problem.path("code").asText()).isEqualTo("llm_circuit_open");
        assertThat(problem.path("detail").asText()).contains("paused").contains(model).doesNotContain("Exception");
        assertThat(stillOpen.statusCode()).isEqualTo(503);
        assertThat(AiHubStack.model().requestsFor(model)).hasSize(callsWhenOpen);

        // When the model answers again
        RECOVERED.set(true);

        // Then the breaker lets a call through after its delay, and it succeeds
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(ask().statusCode()).isEqualTo(200));
        assertThat(ask().statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> ask() {
        return Stack.postJson(alice, "/api/v1/ai/nl2sql", Map.of("dataSourceId", dataSourceId,
                "question", "How many orders?"));
    }
}
