package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.Stack.Part;
import io.aide.testsupport.ScriptedModelServer.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.aide.testsupport.ScriptedModelServer.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant isolation of the AI hub through the gateway: acme's admin points acme's model at the scripted server;
 * bob (tenant globex, no model of its own) never gets acme's model or key, and cannot read acme's data source,
 * modeler session or saved conversation.
 */
class AiHubTenantIsolationThroughGatewayIT extends AiHubGatewayTests {
    private static String bob;
    private static String acmeDataSource;
    private static String model;

    @BeforeAll
    static void acmeWithAModel() {
        bob = AiHubStack.bob();
        acmeDataSource = AiHubStack.jaffleShop();
        model = AiHubStack.modelName("isolation");
        AiHubStack.model().script(model, text("SELECT count(*) AS orders FROM raw_orders"));
        AiHubStack.useModel(model);
    }

    @Test
    void shouldNeverUseAcmesModelOrKeyForAnotherTenant() {
        // Given bob's own data source, and acme's model answering acme
        HttpResponse<String> uploaded = Stack.multipart(bob, "/api/v1/datasources/upload", List.of(
                new Part("name", null, ("globex orders " + AiHubStack.RUN).getBytes()),
                new Part("file", "raw_orders.csv", AiHubStack.read(AiHubStack.JAFFLE_SOURCES.resolve("raw_orders.csv")))));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String bobsDataSource = Stack.json(uploaded.body()).path("dataSourceId").asText();
        HttpResponse<String> forAcme = Stack.postJson(alice, "/api/v1/ai/nl2sql", Map.of("dataSourceId", acmeDataSource,
                "question", "How many orders?"));
        int requestsBefore = AiHubStack.model().requests().size();

        // When bob asks the same on his own data source and on acme's, and reads acme's schema analysis
        HttpResponse<String> forBob = Stack.postJson(bob, "/api/v1/ai/nl2sql", Map.of("dataSourceId", bobsDataSource,
                "question", "How many orders?"));
        HttpResponse<String> onAcmes = Stack.postJson(bob, "/api/v1/ai/nl2sql", Map.of("dataSourceId", acmeDataSource,
                "question", "How many orders?"));
        HttpResponse<String> acmesAnalysis = Stack.get(bob, "/api/v1/ai/modeler/datasources/" + acmeDataSource
                + "/analysis");
        HttpResponse<String> bobsStatus = Stack.get(bob, "/api/v1/ai/status");

        // Then acme's call used acme's key; bob's reached no model at all (globex has none)
        assertThat(forAcme.statusCode()).as(forAcme.body()).isEqualTo(200);
        assertThat(AiHubStack.model().requestsFor(model)).isNotEmpty().extracting(Request::authorization)
                .containsOnly("Bearer " + AiHubStack.ACME_KEY);
        assertThat(forBob.statusCode()).as(forBob.body()).isEqualTo(409);
        assertThat(forBob.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(Stack.json(forBob.body()).path("code").asText()).isEqualTo("llm_not_configured");
        // globex has no model, so its question is refused before any data source is read
        assertThat(onAcmes.statusCode()).as(onAcmes.body()).isEqualTo(409);
        assertThat(acmesAnalysis.statusCode()).as(acmesAnalysis.body()).isEqualTo(404);
        assertThat(Stack.json(acmesAnalysis.body()).path("code").asText()).isEqualTo("datasource_not_found");
        assertThat(Stack.json(bobsStatus.body()).path("configured").asBoolean()).isFalse();
        assertThat(Stack.json(bobsStatus.body()).path("model").asText()).isNotEqualTo(model);
        assertThat(AiHubStack.model().requests()).hasSize(requestsBefore);
    }

    @Test
    void shouldNotLetAnotherTenantRefineOrAssistOnAcmesGeneration() {
        // Given
        String generationId = AiHubStack.generation().id();
        int requestsBefore = AiHubStack.model().requests().size();

        // When
        HttpResponse<String> refine = Stack.postJson(bob, "/api/v1/generations/" + generationId + "/refine",
                Map.of("target", AiHubStack.TARGET, "blockName", "where_clause", "instruction", "drop the filter"));
        HttpResponse<String> assist = Stack.postJson(bob, "/api/v1/ai/rule-assist/generations/" + generationId, Map.of());
        HttpResponse<String> proposals = Stack.get(bob, "/api/v1/ai/rule-assist/generations/" + generationId);

        // Then
        assertThat(refine.statusCode()).as(refine.body()).isEqualTo(404);
        // globex has no model, so rule assist is refused before the generation is read
        assertThat(assist.statusCode()).as(assist.body()).isEqualTo(409);
        assertThat(Stack.json(assist.body()).path("code").asText()).isEqualTo("llm_not_configured");
        assertThat(proposals.statusCode()).as(proposals.body()).isEqualTo(404);
        assertThat(Stack.json(proposals.body()).path("code").asText()).isEqualTo("generation_not_found");
        assertThat(AiHubStack.model().requests()).hasSize(requestsBefore);
    }

    @Test
    void shouldNotLetAnotherTenantReadAcmesModelerSessionOrConversationNorAnotherUserTheOpenSession() {
        // Given acme's session, saved as a data model, and a new one open
        String dataModelId = "dm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Stack.delete(alice, "/api/v1/ai/modeler/sessions/" + acmeDataSource);
        assertThat(Stack.postJson(alice, "/api/v1/ai/modeler/sessions", Map.of("dataSourceId", acmeDataSource))
                .statusCode()).isEqualTo(201);
        HttpResponse<String> saved = Stack.postJson(alice, "/api/v1/ai/modeler/sessions/" + acmeDataSource + "/save",
                Map.of("dataModelId", dataModelId));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(Stack.postJson(alice, "/api/v1/ai/modeler/sessions", Map.of("dataSourceId", acmeDataSource))
                .statusCode()).isEqualTo(201);

        // When
        HttpResponse<String> conversation = Stack.get(bob, "/api/v1/ai/modeler/conversations/" + dataModelId);
        HttpResponse<String> session = Stack.get(bob, "/api/v1/ai/modeler/sessions/" + acmeDataSource);
        HttpResponse<String> opened = Stack.postJson(bob, "/api/v1/ai/modeler/sessions", Map.of("dataSourceId",
                acmeDataSource));
        HttpResponse<String> anotherUsers = Stack.get(AiHubStack.anna(), "/api/v1/ai/modeler/sessions/" + acmeDataSource);

        // Then
        assertThat(conversation.statusCode()).as(conversation.body()).isEqualTo(404);
        assertThat(Stack.json(conversation.body()).path("code").asText()).isEqualTo("conversation_not_found");
        assertThat(session.statusCode()).as(session.body()).isEqualTo(404);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(404);
        // an open session is its user's own draft, even within the tenant
        assertThat(anotherUsers.statusCode()).as(anotherUsers.body()).isEqualTo(404);
        JsonNode own = Stack.json(Stack.get(alice, "/api/v1/ai/modeler/conversations/" + dataModelId).body());
        assertThat(own.path("dataModelId").asText()).isEqualTo(dataModelId);
        assertThat(Stack.delete(alice, "/api/v1/ai/modeler/sessions/" + acmeDataSource).statusCode()).isEqualTo(204);
    }
}
