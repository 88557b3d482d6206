package io.aide.aihub;

import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.AiTaskRequested;
import io.aide.events.v1.BlockEdited;
import io.aide.events.v1.CodeChunk;
import io.aide.events.v1.Thought;
import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.InternalCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
@QuarkusTestResource(value = ScriptedModelServer.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = GenerationServicesStub.class, restrictToAnnotatedClass = true)
class BlockRefinementTest {
    private static final String GENERATION = GenerationServicesStub.GENERATION;

    @Inject
    @Any
    InMemoryConnector connector;

    private static String tenantWithModel(String model) {
        String tenant = "refine-" + UUID.randomUUID().toString().substring(0, 8);
        given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "ada", "engineer,admin"))
                .contentType(ContentType.JSON).body(Map.of("baseUrl", ScriptedModelServer.baseUrl, "model", model,
                        "apiKey", "sk-" + tenant, "timeoutSeconds", 30))
                .put("/internal/v1/ai/models/tenant").then().statusCode(200);
        return tenant;
    }

    private String refine(String tenant, String instruction) {
        String taskId = "task_" + UUID.randomUUID();
        Envelope request = Envelope.of(tenant, "corr-" + taskId, GENERATION, new AiTaskRequested(taskId, "refine",
                GENERATION, instruction, Map.of("generationId", GENERATION, "target", GenerationServicesStub.TARGET,
                "blockName", "joins"), "ada"));
        connector.<String>source("ai-commands").send(EventJson.toJson(request));
        await().atMost(Duration.ofSeconds(60)).until(() -> !AiTasks.resultsFor(connector, taskId).isEmpty());
        return taskId;
    }

    private List<Envelope> published(String channel, String tenant) {
        return connector.<String>sink(channel).received().stream().map(Message::getPayload)
                .map(json -> EventJson.fromJson(json, Envelope.class)).filter(e -> tenant.equals(e.tenantId())).toList();
    }

    private static long modelCalls(String tenant) {
        return ScriptedModelServer.REQUESTS.stream().filter(r -> ("Bearer sk-" + tenant).equals(r.authorization())).count();
    }

    @Test
    void shouldStreamTheCandidateAndSendItAsANewBlockVersionWhenItRunsOnTheSample() {
        // Given
        String tenant = tenantWithModel("refine-good");

        // When
        String taskId = refine(tenant, "keep orders without a customer");

        // Then
        AiTasks.Published result = AiTasks.resultsFor(connector, taskId).get(0);
        assertThat(result.result().status()).as(result.result().message()).isEqualTo("completed");
        assertThat(result.result().content()).isEqualTo(ScriptedModelServer.GOOD_JOINS);
        List<Envelope> events = published("generation-events", tenant);
        assertThat(events).filteredOn(e -> e.type().equals(CodeChunk.TYPE))
                .extracting(e -> e.payloadAs(CodeChunk.class).content())
                .containsExactly("FROM orders o", " LEFT JOIN customers c ON c.id = o.customer_id");
        assertThat(events).filteredOn(e -> e.type().equals(Thought.TYPE))
                .extracting(e -> e.payloadAs(Thought.class).content())
                .anySatisfy(t -> assertThat(t).contains("ran on the sample (2 row(s) read, 2 column(s))"));
        assertThat(published("generation-commands", tenant)).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo(GENERATION);
            BlockEdited edit = e.payloadAs(BlockEdited.class);
            assertThat(edit.target()).isEqualTo(GenerationServicesStub.TARGET);
            assertThat(edit.blockName()).isEqualTo("joins");
            assertThat(edit.dialect()).isEqualTo("duckdb");
            assertThat(edit.sql()).isEqualTo(ScriptedModelServer.GOOD_JOINS);
            assertThat(edit.editedBy()).isEqualTo("ada");
        });
        assertThat(ScriptedModelServer.REQUESTS).filteredOn(r -> ("Bearer sk-" + tenant).equals(r.authorization()))
                .singleElement().satisfies(r -> assertThat(r.body()).contains(GenerationServicesStub.SELECT)
                        .contains("keep orders without a customer").contains("(rewrite this one)"));
    }

    @Test
    void shouldRepairACandidateWithTheValidatorsErrorAndThenApplyIt() {
        // Given
        String tenant = tenantWithModel("refine-repair");

        // When
        String taskId = refine(tenant, "keep orders without a customer");

        // Then
        AiTasks.Published result = AiTasks.resultsFor(connector, taskId).get(0);
        assertThat(result.result().status()).as(result.result().message()).isEqualTo("completed");
        assertThat(result.result().content()).isEqualTo(ScriptedModelServer.GOOD_JOINS);
        assertThat(modelCalls(tenant)).isEqualTo(2);
        assertThat(ScriptedModelServer.REQUESTS).filteredOn(r -> ("Bearer sk-" + tenant).equals(r.authorization()))
                .last().satisfies(r -> assertThat(r.body()).contains("sql:binding").contains("customer_key"));
        assertThat(published("generation-events", tenant)).filteredOn(e -> e.type().equals(Thought.TYPE))
                .extracting(e -> e.payloadAs(Thought.class).content())
                .anySatisfy(t -> assertThat(t).contains("asking the model to repair it (1 of 2)"))
                .anySatisfy(t -> assertThat(t).contains("after 1 repair(s)"));
        assertThat(published("generation-commands", tenant)).singleElement()
                .satisfies(e -> assertThat(e.payloadAs(BlockEdited.class).sql()).isEqualTo(ScriptedModelServer.GOOD_JOINS));
    }

    @Test
    void shouldRefuseAfterTheRepairBudgetWithTheLastErrorAndApplyNothing() {
        // Given
        String tenant = tenantWithModel("refine-bad");

        // When
        String taskId = refine(tenant, "keep orders without a customer");

        // Then
        AiTasks.Published result = AiTasks.resultsFor(connector, taskId).get(0);
        assertThat(result.result().status()).isEqualTo("failed");
        assertThat(result.result().code()).isEqualTo("refine_rejected");
        assertThat(result.result().message()).contains("after 3 attempt(s)").contains("block joins is unchanged")
                .contains("customer_key");
        assertThat(modelCalls(tenant)).isEqualTo(3);
        assertThat(published("generation-commands", tenant)).isEmpty();
    }

    @Test
    void shouldNameAnUnknownReferenceWithoutCallingTheModel() {
        // Given
        String tenant = tenantWithModel("refine-good");

        // When
        String taskId = refine(tenant, "join like @code[order_facts.where_clause] does");

        // Then
        AiTasks.Published result = AiTasks.resultsFor(connector, taskId).get(0);
        assertThat(result.result().status()).isEqualTo("failed");
        assertThat(result.result().code()).isEqualTo("reference_unknown");
        assertThat(result.result().message()).contains("@code[order_facts.where_clause]")
                .contains("order_facts.select_clause, order_facts.joins");
        assertThat(modelCalls(tenant)).isZero();
        assertThat(published("generation-commands", tenant)).isEmpty();
    }

    @Test
    void shouldNotReadAnotherTenantsGeneration() {
        // Given a tenant whose name the stub does not know
        String tenant = "other-" + UUID.randomUUID().toString().substring(0, 8);
        given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "ada", "engineer,admin"))
                .contentType(ContentType.JSON).body(Map.of("baseUrl", ScriptedModelServer.baseUrl, "model",
                        "refine-good", "apiKey", "sk-" + tenant, "timeoutSeconds", 30))
                .put("/internal/v1/ai/models/tenant").then().statusCode(200);

        // When
        String taskId = refine(tenant, "keep orders without a customer");

        // Then
        AiTasks.Published result = AiTasks.resultsFor(connector, taskId).get(0);
        assertThat(result.result().code()).isEqualTo("generation_not_found");
        assertThat(modelCalls(tenant)).isZero();
    }
}
