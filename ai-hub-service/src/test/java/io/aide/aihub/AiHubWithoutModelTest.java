package io.aide.aihub;

import io.aide.aihub.persistence.TenantModelRepository;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.AiTaskRequested;
import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.InternalCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
class AiHubWithoutModelTest {
    @Inject
    TenantModelRepository tenantModels;

    /** The test database is shared with the stack the end-to-end tier drives, which may leave a model for acme. */
    @BeforeEach
    void withoutATenantModelForAcme() {
        tenantModels.delete("acme");
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void shouldAnswerARefinementWithNotConfiguredOnTheGenerationsStream() {
        // Given
        String generationId = "gen_1700000000000_" + UUID.randomUUID().toString().substring(0, 8);
        String taskId = "task_" + UUID.randomUUID();
        Envelope request = Envelope.of("acme", "corr-1", generationId, new AiTaskRequested(taskId, "refine",
                generationId, "use an inner join", Map.of("blockName", "joins"), "alice"));

        // When
        connector.<String>source("ai-commands").send(EventJson.toJson(request));

        // Then
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<AiTasks.Published> results = AiTasks.resultsFor(connector, taskId);
            assertThat(results).singleElement().satisfies(published -> {
                assertThat(published.kafkaKey()).isEqualTo(generationId);
                assertThat(published.envelope().tenantId()).isEqualTo("acme");
                assertThat(published.envelope().correlationId()).isEqualTo("corr-1");
                assertThat(published.result().status()).isEqualTo("not_configured");
                assertThat(published.result().code()).isEqualTo("llm_not_configured");
                assertThat(published.result().message())
                        .isEqualTo("No language model is configured: set AIDE_LLM_BASE_URL, AIDE_LLM_API_KEY and "
                                + "AIDE_LLM_MODEL, or let a tenant admin set the tenant's model (PUT "
                                + "/api/v1/ai/models/tenant), to use block refinement. Everything else works without one.");
            });
        });
    }

    @Test
    void shouldAnswerARedeliveredTaskOnlyOnce() {
        // Given
        String taskId = "task_" + UUID.randomUUID();
        Envelope request = Envelope.of("acme", "corr-2", "sess_1", new AiTaskRequested(taskId, "nl2sql", "sess_1",
                "top customers", Map.of(), "alice"));
        connector.<String>source("ai-commands").send(EventJson.toJson(request));
        await().atMost(Duration.ofSeconds(20)).until(() -> AiTasks.resultsFor(connector, taskId).size() == 1);

        // When: Kafka redelivers the same envelope, then a later task proves the first one was processed
        connector.<String>source("ai-commands").send(EventJson.toJson(request));
        String laterTaskId = "task_" + UUID.randomUUID();
        connector.<String>source("ai-commands").send(EventJson.toJson(Envelope.of("acme", "corr-3", "sess_1",
                new AiTaskRequested(laterTaskId, "nl2sql", "sess_1", "top products", Map.of(), "alice"))));

        // Then
        await().atMost(Duration.ofSeconds(20)).until(() -> AiTasks.resultsFor(connector, laterTaskId).size() == 1);
        assertThat(AiTasks.resultsFor(connector, taskId)).hasSize(1);
    }

    @Test
    void shouldReportNoModelOnTheStatusEndpoint() {
        // When / Then
        given().header(InternalCalls.HEADER, InternalCalls.token("acme")).get("/internal/v1/ai/status").then().statusCode(200)
                .body("configured", equalTo(false))
                .body("baseUrl", nullValue());
    }
}
