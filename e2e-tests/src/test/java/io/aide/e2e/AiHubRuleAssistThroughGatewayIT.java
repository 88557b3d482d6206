package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.AiHubStack.Generation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.aide.testsupport.ScriptedModelServer.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule assist through the gateway: the column the compiler flagged (a status label whose rule says what, not how)
 * gets an expression from the scripted model, run on the generation's sample by the real validator before it is
 * shown; accepting it writes it as the rule of that mapping row (a new spec version in document-service), and the
 * next generation compiles that rule without asking the model. The refused proposal comes first: an accepted rule
 * recompiles the generation, after which no column is flagged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AiHubRuleAssistThroughGatewayIT extends AiHubGatewayTests {
    private static final String RULE = "CASE WHEN status = 'returned' THEN 'Refunded' ELSE 'Kept' END";
    private static String documentId;
    private static Generation generation;

    @BeforeAll
    static void generationWithAFlaggedColumn() {
        documentId = AiHubStack.uploadOrderStatusMapping();
        generation = AiHubStack.generate(alice, documentId);
        assertThat(AiHubStack.lineageColumn(alice, generation.id(), "status_label").path("status").asText())
                .isEqualTo("flagged");
    }

    @Test
    @Order(2)
    void shouldProposeACheckedRuleAndCompileItWithoutAModelOnceAccepted() {
        // Given
        String model = AiHubStack.modelName("rule-good");
        AiHubStack.model().script(model, text(RULE));
        AiHubStack.useModel(model);
        int compiledVersion = AiHubStack.hashmap(alice, generation.id()).path("spec_version").asInt();

        // When
        HttpResponse<String> proposed = Stack.postJson(alice, "/api/v1/ai/rule-assist/generations/" + generation.id(),
                Map.of());
        JsonNode proposal = Stack.json(proposed.body()).path("proposals").path(0);
        HttpResponse<String> accepted = Stack.postJson(alice, "/api/v1/ai/rule-assist/proposals/"
                + proposal.path("proposalId").asText() + "/accept", Map.of());
        int modelCalls = AiHubStack.model().requestsFor(model).size();
        Generation next = AiHubStack.generate(alice, documentId);

        // Then the proposal ran on the sample: its values are what the rule gives on jaffle-shop's orders
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        assertThat(Stack.json(proposed.body()).path("proposals")).hasSize(1);
        assertThat(proposal.path("column").asText()).isEqualTo("status_label");
        assertThat(proposal.path("mappingRef").asText()).isEqualTo("@mapping[order_status_mapping:5]");
        assertThat(proposal.path("status").asText()).isEqualTo("ai_proposed");
        assertThat(proposal.path("expression").asText()).isEqualTo(RULE);
        Set<String> expected = AiHubStack.csvRows("raw_orders").stream().limit(5)
                .map(r -> r[3].equals("returned") ? "Refunded" : "Kept").collect(Collectors.toSet());
        assertThat(proposal.path("sampleValues")).isNotEmpty();
        proposal.path("sampleValues").forEach(v -> assertThat(expected).contains(v.asText()));
        assertThat(AiHubStack.model().requestsFor(model)).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer " + AiHubStack.ACME_KEY);
            assertThat(r.mentions("Label the status the way the finance team reads it")).isTrue();
        });
        // and accepting it made a new spec version whose rule the next generation compiles without the model
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        JsonNode acceptedProposal = Stack.json(accepted.body());
        assertThat(acceptedProposal.path("status").asText()).isEqualTo("accepted");
        assertThat(acceptedProposal.path("specVersion").asInt()).isGreaterThan(compiledVersion);
        assertThat(AiHubStack.hashmap(alice, next.id()).path("spec_version").asInt())
                .isEqualTo(acceptedProposal.path("specVersion").asInt());
        assertThat(AiHubStack.lineageColumn(alice, next.id(), "status_label").path("status").asText())
                .isEqualTo("compiled");
        assertThat(AiHubStack.block(alice, next.id(), "select_clause").path("sql").asText())
                .contains("'Refunded'").contains("'Kept'");
        assertThat(AiHubStack.model().requestsFor(model)).hasSize(modelCalls);
    }

    @Test
    @Order(1)
    void shouldRejectARuleTheSampleRefusesAndNotLetItBeAccepted() {
        // Given a model that names a column the source does not have
        String model = AiHubStack.modelName("rule-bad");
        AiHubStack.model().script(model, text("upper(order_state)"));
        AiHubStack.useModel(model);

        // When
        HttpResponse<String> proposed = Stack.postJson(alice, "/api/v1/ai/rule-assist/generations/" + generation.id(),
                Map.of());
        JsonNode proposal = Stack.json(proposed.body()).path("proposals").path(0);
        HttpResponse<String> accepted = Stack.postJson(alice, "/api/v1/ai/rule-assist/proposals/"
                + proposal.path("proposalId").asText() + "/accept", Map.of());

        // Then
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        assertThat(proposal.path("status").asText()).isEqualTo("rejected");
        assertThat(proposal.path("reason").asText()).contains("did not run on the sample").contains("order_state");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(409);
        assertThat(accepted.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(Stack.json(accepted.body()).path("code").asText()).isEqualTo("rule_proposal_not_acceptable");
    }
}
