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
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
@QuarkusTestResource(value = ScriptedLlmResource.class, restrictToAnnotatedClass = true)
class AiHubWithScriptedModelTest {
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
    void shouldApplyNoRefinementThatCannotBeCheckedOnTheSample() {
        // Given no sqlgen-service answers for the generation in this test
        String generationId = "gen_1700000000000_" + UUID.randomUUID().toString().substring(0, 8);
        String taskId = "task_" + UUID.randomUUID();
        Envelope request = Envelope.of("acme", "corr-9", generationId, new AiTaskRequested(taskId, "refine",
                generationId, "use a left join to customers", Map.of("blockName", "joins", "target", "order_facts",
                "references", "@mapping[Orders:4]"), "alice"));

        // When
        connector.<String>source("ai-commands").send(EventJson.toJson(request));

        // Then
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<AiTasks.Published> results = AiTasks.resultsFor(connector, taskId);
            assertThat(results).singleElement().satisfies(published -> {
                assertThat(published.kafkaKey()).isEqualTo(generationId);
                assertThat(published.result().status()).isEqualTo("failed");
                assertThat(published.result().code()).isEqualTo("sqlgen_service_unavailable");
            });
        });
        assertThat(connector.<String>sink("generation-commands").received()).noneMatch(m -> m.getPayload()
                .contains(generationId));
    }

    @Test
    void shouldSendAKindServedByRestToItsRoute() {
        // Given
        String taskId = "task_" + UUID.randomUUID();
        Envelope request = Envelope.of("acme", "corr-10", "sess_2", new AiTaskRequested(taskId, "viz", "sess_2",
                "chart revenue by month", Map.of(), "alice"));

        // When
        connector.<String>source("ai-commands").send(EventJson.toJson(request));

        // Then
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(AiTasks.resultsFor(connector, taskId))
                .singleElement().satisfies(published -> {
                    assertThat(published.result().status()).isEqualTo("failed");
                    assertThat(published.result().code()).isEqualTo("ai_task_kind_rest_only:viz");
                    assertThat(published.result().message()).contains("POST /api/v1/viz/runs");
                }));
    }

    @Test
    void shouldReportTheModelAndOnlyTheHostOfItsEndpoint() {
        // When / Then
        given().header(InternalCalls.HEADER, InternalCalls.token("acme")).get("/internal/v1/ai/status").then().statusCode(200)
                .body("configured", equalTo(true))
                .body("model", equalTo("scripted-model"))
                .body("baseUrl", startsWith("127.0.0.1:"));
    }
}
