package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.AiHubStack.Generation;
import io.aide.e2e.Stack.SseEvent;
import io.aide.testsupport.ScriptedModelServer;
import io.aide.testsupport.ScriptedModelServer.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.aide.testsupport.ScriptedModelServer.chunks;
import static io.aide.testsupport.ScriptedModelServer.oversized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Block refinement through the gateway with acme's model pointed at the scripted server: the candidate runs on the
 * generation's sample in the real validator before sqlgen stores it; a candidate the sample refuses goes back to the
 * model with the validator's error; after the retry budget nothing is applied and the reason is given.
 */
class AiHubRefineThroughGatewayIT extends AiHubGatewayTests {
    /** A filter over a column the sample has; it runs. */
    private static final String GOOD_WHERE = "WHERE \"raw_orders\".\"status\" <> 'returned'";
    /** A filter over a column the sample lacks; the validator refuses it. */
    private static final String BAD_WHERE = "WHERE \"raw_orders\".\"refund_state\" <> 'returned'";
    private static Generation generation;
    /** Where the previous refinement's answer left the stream, so each test reads only its own events. */
    private static String lastEventId;

    @BeforeAll
    static void generation() {
        generation = AiHubStack.generation();
        lastEventId = generation.lastEventId();
    }

    @Test
    void shouldStoreACandidateThatRunsOnTheSampleAsANewBlockVersion() {
        // Given
        String model = AiHubStack.modelName("refine-good");
        AiHubStack.model().script(model, chunks("WHERE \"raw_orders\".\"status\"", " <> 'returned'"));
        AiHubStack.useModel(model);
        int before = AiHubStack.block(alice, generation.id(), "where_clause").path("version").asInt();

        // When
        List<SseEvent> events = refine("leave out returned orders");

        // Then
        JsonNode result = aiResult(events);
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("completed");
        assertThat(result.path("content").asText()).isEqualTo(GOOD_WHERE);
        assertThat(events).filteredOn(e -> e.event().equals("code_chunk")).extracting(e -> e.json().path("content")
                .asText()).containsExactly("WHERE \"raw_orders\".\"status\"", " <> 'returned'");
        assertThat(events).filteredOn(e -> e.event().equals("thought")).extracting(e -> e.json().path("content")
                .asText()).anySatisfy(t -> assertThat(t).contains("ran on the sample"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode block = AiHubStack.block(alice, generation.id(), "where_clause");
            assertThat(block.path("version").asInt()).isGreaterThan(before);
            assertThat(block.path("sql").asText()).isEqualTo(GOOD_WHERE);
        });
        assertThat(AiHubStack.model().requestsFor(model)).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer " + AiHubStack.ACME_KEY);
            assertThat(r.streamed()).isTrue();
            assertThat(r.mentions("-- block where_clause (rewrite this one)")).isTrue();
            assertThat(r.mentions("leave out returned orders")).isTrue();
        });
    }

    @Test
    void shouldRepairACandidateWithTheValidatorsErrorAndThenStoreIt() {
        // Given
        String model = AiHubStack.modelName("refine-repair");
        AiHubStack.model().script(model, chunks(BAD_WHERE), chunks(GOOD_WHERE));
        AiHubStack.useModel(model);

        // When
        List<SseEvent> events = refine("leave out the refunded orders");

        // Then
        JsonNode result = aiResult(events);
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("completed");
        assertThat(result.path("content").asText()).isEqualTo(GOOD_WHERE);
        List<Request> calls = AiHubStack.model().requestsFor(model);
        assertThat(calls).as("%s", events).hasSize(2);
        assertThat(calls.get(1).mentions("failed when the layer ran on the sample")).isTrue();
        assertThat(calls.get(1).mentions("refund_state")).as(calls.get(1).unescaped()).isTrue();
        assertThat(events).filteredOn(e -> e.event().equals("thought")).extracting(e -> e.json().path("content")
                .asText()).anySatisfy(t -> assertThat(t).contains("asking the model to repair it (1 of 2)"))
                .anySatisfy(t -> assertThat(t).contains("after 1 repair(s)"));
    }

    @Test
    void shouldRefuseAfterTheRetryBudgetWithTheReasonAndApplyNothing() {
        // Given
        String model = AiHubStack.modelName("refine-bad");
        AiHubStack.model().script(model, chunks(BAD_WHERE));
        AiHubStack.useModel(model);
        JsonNode before = AiHubStack.block(alice, generation.id(), "where_clause");

        // When
        List<SseEvent> events = refine("leave out the refunded orders");

        // Then
        JsonNode result = aiResult(events);
        assertThat(result.path("status").asText()).isEqualTo("failed");
        assertThat(result.path("code").asText()).isEqualTo("refine_rejected");
        assertThat(result.path("message").asText()).contains("after 3 attempt(s)")
                .contains("block where_clause is unchanged").contains("refund_state");
        assertThat(AiHubStack.model().requestsFor(model)).hasSize(3);
        JsonNode after = AiHubStack.block(alice, generation.id(), "where_clause");
        assertThat(after.path("version").asInt()).isEqualTo(before.path("version").asInt());
        assertThat(after.path("sql").asText()).isEqualTo(before.path("sql").asText());
    }

    @Test
    void shouldRefuseAnOversizedAnswerAndApplyNothing() {
        // Given: an answer longer than the service uses (AIDE_LLM_MAX_ANSWER_CHARS, 100,000 by default)
        String model = AiHubStack.modelName("refine-oversized");
        AiHubStack.model().script(model, oversized(150_000));
        AiHubStack.useModel(model);
        JsonNode before = AiHubStack.block(alice, generation.id(), "where_clause");

        // When
        List<SseEvent> events = refine("leave out the returned orders");

        // Then: refused with the size, at most the limit streamed, the block unchanged
        JsonNode result = aiResult(events);
        assertThat(result.path("status").asText()).isEqualTo("failed");
        assertThat(result.path("code").asText()).isEqualTo("llm_answer_too_large");
        assertThat(result.path("message").asText()).contains("150000 characters").contains("AIDE_LLM_MAX_ANSWER_CHARS");
        int streamed = events.stream().filter(e -> e.event().equals("code_chunk"))
                .mapToInt(e -> e.json().path("content").asText().length()).sum();
        assertThat(streamed).isLessThanOrEqualTo(100_000);
        JsonNode after = AiHubStack.block(alice, generation.id(), "where_clause");
        assertThat(after.path("version").asInt()).isEqualTo(before.path("version").asInt());
        assertThat(after.path("sql").asText()).isEqualTo(before.path("sql").asText());
    }

    @Test
    void shouldNameAnUnknownReferenceWithoutCallingTheModel() {
        // Given
        String model = AiHubStack.modelName("refine-reference");
        AiHubStack.model().script(model, chunks(GOOD_WHERE));
        AiHubStack.useModel(model);

        // When
        List<SseEvent> events = refine("filter like @code[order_status.having_clause] does");

        // Then
        JsonNode result = aiResult(events);
        assertThat(result.path("status").asText()).isEqualTo("failed");
        assertThat(result.path("code").asText()).isEqualTo("reference_unknown");
        assertThat(result.path("message").asText()).contains("@code[order_status.having_clause]")
                .contains("order_status.where_clause");
        assertThat(AiHubStack.model().requestsFor(model)).isEmpty();
    }

    /** Posts the refinement and follows the generation's stream from where the previous one left it. */
    private static List<SseEvent> refine(String instruction) {
        AiHubStack.Refined refined = AiHubStack.refine(alice, generation.id(), AiHubStack.TARGET, "where_clause",
                instruction, lastEventId);
        lastEventId = refined.lastEventId();
        return refined.events();
    }

    private static JsonNode aiResult(List<SseEvent> events) {
        return AiHubStack.aiResult(events);
    }
}
