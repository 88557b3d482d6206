package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static io.aide.testsupport.ScriptedModelServer.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant's model settings through the gateway: only an admin sets them, the key is never returned, the
 * connection test calls the model, and the tokens each user spent are shown to the admin.
 */
class AiHubModelSettingsThroughGatewayIT extends AiHubGatewayTests {
    @Test
    void shouldLetOnlyTheAdminSetTheModelKeepTheKeySecretAndShowTheUsage() {
        // Given
        String model = AiHubStack.modelName("settings");
        AiHubStack.model().script(model, text("SELECT count(*) AS orders FROM raw_orders"));
        String alice = AiHubStack.alice();
        String anna = AiHubStack.anna();

        // When
        HttpResponse<String> byEngineer = Stack.putJson(alice, "/api/v1/ai/models/tenant", Map.of("baseUrl",
                AiHubStack.model().baseUrl(), "model", model, "apiKey", "sk-not-an-admin"));
        AiHubStack.useModel(model);
        HttpResponse<String> settings = Stack.get(anna, "/api/v1/ai/models/tenant");
        HttpResponse<String> connection = Stack.postJson(anna, "/api/v1/ai/models/test", Map.of());
        HttpResponse<String> asked = Stack.postJson(alice, "/api/v1/ai/nl2sql", Map.of("dataSourceId",
                AiHubStack.jaffleShop(), "question", "How many orders?"));
        HttpResponse<String> usage = Stack.get(anna, "/api/v1/ai/models/usage?days=1");
        HttpResponse<String> usageByEngineer = Stack.get(alice, "/api/v1/ai/models/usage");

        // Then
        assertThat(byEngineer.statusCode()).as(byEngineer.body()).isEqualTo(403);
        assertThat(AiHubStack.model().requests()).noneMatch(r -> "Bearer sk-not-an-admin".equals(r.authorization()));
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        JsonNode view = Stack.json(settings.body());
        assertThat(view.path("source").asText()).isEqualTo("tenant");
        assertThat(view.path("model").asText()).isEqualTo(model);
        assertThat(view.path("keySet").asBoolean()).isTrue();
        assertThat(settings.body()).doesNotContain(AiHubStack.ACME_KEY);
        assertThat(connection.statusCode()).as(connection.body()).isEqualTo(200);
        assertThat(Stack.json(connection.body()).path("ok").asBoolean()).isTrue();
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);
        assertThat(Stack.json(usage.body()).path("totals")).anySatisfy(t -> {
            assertThat(t.path("model").asText()).isEqualTo(model);
            assertThat(t.path("calls").asInt()).isEqualTo(1);
            assertThat(t.path("promptTokens").asInt()).isEqualTo(10);
            assertThat(t.path("completionTokens").asInt()).isEqualTo(5);
        });
        assertThat(usageByEngineer.statusCode()).isEqualTo(403);
        assertThat(AiHubStack.model().requestsFor(model)).hasSize(2)
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + AiHubStack.ACME_KEY));
    }
}
