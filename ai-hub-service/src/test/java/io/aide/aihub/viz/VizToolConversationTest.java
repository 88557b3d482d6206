package io.aide.aihub.viz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.aide.aihub.ScriptedModelResource;
import io.aide.aihub.llm.LanguageModels;
import io.aide.aihub.persistence.TenantModelRepository;
import io.aide.aihub.service.AiTaskException;
import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.ScriptedModelServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.aide.testsupport.ScriptedModelServer.toolCall;
import static io.aide.testsupport.ScriptedModelServer.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The visualization agent's tool conversation on the wire, through {@link LanguageModels} (its guard, token record and
 * answer limit) and the OpenAI client against the scripted model server: the tools declared with their JSON schema,
 * the model's {@code tool_calls} read, a failed query sent back as the tool's result under the call's id.
 */
@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
@QuarkusTestResource(value = ScriptedModelResource.class, restrictToAnnotatedClass = true)
class VizToolConversationTest {
    private static final String WRONG = "SELECT order_state, count(*) AS n FROM raw_orders GROUP BY order_state";
    private static final String FIXED = "SELECT status, count(*) AS n FROM raw_orders GROUP BY status";

    @Inject
    LanguageModels models;

    @Inject
    TenantModelRepository tenantModels;

    private String tenantWithModel(String model) {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        tenantModels.upsert(new TenantModelRepository.Row(tenant, ScriptedModelResource.server().baseUrl(), model, null, 10,
                "ada", null));
        return tenant;
    }

    @Test
    void shouldDeclareTheToolsAndSendAFailedQueryBackAsTheToolsResultUnderItsCallId() {
        // Given a model that calls run_sql with a wrong column, then with the corrected query
        String model = "viz-tools-" + UUID.randomUUID();
        ScriptedModelResource.server().script(model,
                toolCalls(toolCall("call_wrong", "run_sql", "{\"sql\": \"" + WRONG + "\", \"thought\": \"Per state.\"}")),
                toolCalls(toolCall("call_fixed", "run_sql", "{\"sql\": \"" + FIXED + "\"}")));
        String tenant = tenantWithModel(model);
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(VizPrompts.toolSystem("duckdb")),
                UserMessage.from("Question: how many orders per status?")));

        // When the first call's query fails and the failure goes back
        AiMessage first = models.chatWithTools(tenant, "ada", VizAgent.FEATURE, messages, VizToolCall.TOOLS);
        VizToolCall wrong = VizToolCall.from(first);
        messages.addAll(wrong.repair(first, "run_sql failed (sql_error): Referenced column \"order_state\" not found"));
        VizToolCall fixed = VizToolCall.from(models.chatWithTools(tenant, "ada", VizAgent.FEATURE, messages,
                VizToolCall.TOOLS));

        // Then the calls were read with their ids
        assertThat(wrong).isEqualTo(new VizToolCall("call_wrong", "run_sql", WRONG, "Per state.", 0));
        assertThat(fixed).isEqualTo(new VizToolCall("call_fixed", "run_sql", FIXED, null, 0));
        List<ScriptedModelServer.Request> requests = ScriptedModelResource.server().requestsFor(model);
        assertThat(requests).hasSize(2).noneMatch(ScriptedModelServer.Request::streamed);
        // each request declared both tools, sql required, thought optional
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.tools()).containsOnlyKeys("run_sql", "submit_spark");
            JsonNode parameters = r.tools().get("run_sql").path("parameters");
            assertThat(parameters.path("type").asText()).isEqualTo("object");
            assertThat(parameters.path("properties").path("sql").path("type").asText()).isEqualTo("string");
            assertThat(parameters.path("properties").path("thought").path("type").asText()).isEqualTo("string");
            assertThat(parameters.path("required")).extracting(JsonNode::asText).containsExactly("sql");
        });
        assertThat(requests.get(0).toolResult("call_wrong")).isEmpty();
        // the second carries the model's call, then its failure as the tool's result under the same id
        JsonNode sent = requests.get(1).json().path("messages");
        assertThat(sent).extracting(m -> m.path("role").asText()).containsExactly("system", "user", "assistant", "tool");
        assertThat(sent.get(2).path("tool_calls").get(0).path("id").asText()).isEqualTo("call_wrong");
        assertThat(sent.get(2).path("tool_calls").get(0).path("function").path("name").asText()).isEqualTo("run_sql");
        assertThat(requests.get(1).toolResult("call_wrong")).contains("run_sql failed (sql_error): Referenced column "
                + "\"order_state\" not found\nCall run_sql again with the corrected query.");
    }

    @Test
    void shouldCountTheCallsArgumentsAgainstTheAnswerLimit() {
        // Given a model whose call carries more than AIDE_LLM_MAX_ANSWER_CHARS (100,000) characters of arguments
        String model = "viz-tools-large-" + UUID.randomUUID();
        String sql = "SELECT 1 -- " + "x".repeat(100_000);
        ScriptedModelResource.server().script(model, toolCalls(toolCall("call_1", "run_sql",
                "{\"sql\": \"" + sql + "\"}")));
        String tenant = tenantWithModel(model);

        // When / Then
        assertThatThrownBy(() -> models.chatWithTools(tenant, "ada", VizAgent.FEATURE,
                List.of(UserMessage.from("Question: anything")), VizToolCall.TOOLS))
                .isInstanceOf(AiTaskException.class)
                .hasMessageContaining("answered 100023 characters, more than the 100000 this service uses")
                .extracting(e -> ((AiTaskException) e).code()).isEqualTo(LanguageModels.ANSWER_TOO_LARGE);
    }
}
