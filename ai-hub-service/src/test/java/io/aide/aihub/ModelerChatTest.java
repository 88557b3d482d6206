package io.aide.aihub;

import io.aide.testsupport.InternalCalls;

import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
@QuarkusTestResource(value = DocumentServiceStub.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ScriptedModelServer.class, restrictToAnnotatedClass = true)
class ModelerChatTest {
    private static final String DS = DocumentServiceStub.DATA_SOURCE;

    private static RequestSpecification as(String tenant, String roles) {
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "ada", roles))
                .contentType(ContentType.JSON);
    }

    @Test
    void shouldAnswerInChatWithTheArchitectsBriefTheSchemaAndTheHistory() {
        // Given
        String tenant = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        as(tenant, "admin").body(Map.of("baseUrl", ScriptedModelServer.baseUrl, "model", "ok-model", "apiKey", "sk-m"))
                .put("/internal/v1/ai/models/tenant").then().statusCode(200);
        as(tenant, "engineer").body("{\"dataSourceId\":\"" + DS + "\"}").post("/internal/v1/ai/modeler/sessions")
                .then().statusCode(201).body("model", equalTo("ok-model"));
        String first = "Which grain fits revenue by store? " + tenant;
        String second = "And by product category? " + tenant;

        // When
        as(tenant, "engineer").body(Map.of("content", first))
                .post("/internal/v1/ai/modeler/sessions/" + DS + "/messages").then().statusCode(200)
                .body("messages", hasSize(3))
                .body("messages[1].role", equalTo("user"))
                .body("messages[2].role", equalTo("assistant"))
                .body("messages[2].content", equalTo("OK"));
        as(tenant, "engineer").body(Map.of("content", second))
                .post("/internal/v1/ai/modeler/sessions/" + DS + "/messages").then().statusCode(200)
                .body("messages", hasSize(5));

        // Then
        assertThat(ScriptedModelServer.REQUESTS).filteredOn(r -> r.body().contains(second)).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("principal database architect",
                        "Recommended analytical data models", "### sales.order_items", first,
                        "fact_order_item"));
        as(tenant, "admin").get("/internal/v1/ai/models/usage").then().statusCode(200)
                .body("totals[0].calls", equalTo(2));
    }

    @Test
    void shouldLeaveTheSessionUnchangedWhenTheModelFails() {
        // Given
        String tenant = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        as(tenant, "admin").body(Map.of("baseUrl", ScriptedModelServer.baseUrl, "model", "broken-model"))
                .put("/internal/v1/ai/models/tenant").then().statusCode(200);
        as(tenant, "engineer").body("{\"dataSourceId\":\"" + DS + "\"}").post("/internal/v1/ai/modeler/sessions")
                .then().statusCode(201);

        // When
        as(tenant, "engineer").body(Map.of("content", "Propose a model"))
                .post("/internal/v1/ai/modeler/sessions/" + DS + "/messages")

                // Then
                .then().statusCode(502).contentType("application/problem+json")
                .body("code", equalTo("llm_call_failed"));
        as(tenant, "engineer").get("/internal/v1/ai/modeler/sessions/" + DS).then().statusCode(200)
                .body("messages", hasSize(1));
    }

    @Test
    void shouldStreamTheAnswerAndStoreTheTurnOnceComplete() {
        // Given
        String tenant = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        as(tenant, "admin").body(Map.of("baseUrl", ScriptedModelServer.baseUrl, "model", "ok-model"))
                .put("/internal/v1/ai/models/tenant").then().statusCode(200);
        as(tenant, "engineer").body("{\"dataSourceId\":\"" + DS + "\"}").post("/internal/v1/ai/modeler/sessions")
                .then().statusCode(201);

        // When
        String events = as(tenant, "engineer").accept("text/event-stream")
                .body(Map.of("content", "Which grain for the sales fact?"))
                .post("/internal/v1/ai/modeler/sessions/" + DS + "/messages/stream")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/event-stream"))
                .extract().asString();

        // Then
        assertThat(events).containsSubsequence("data:{\"type\":\"delta\",\"text\":\"Star\"}",
                "data:{\"type\":\"delta\",\"text\":\" schema\"}", "data:{\"type\":\"done\",\"session\":");
        as(tenant, "engineer").get("/internal/v1/ai/modeler/sessions/" + DS).then().statusCode(200)
                .body("messages", hasSize(3))
                .body("messages[2].content", equalTo("Star schema at order-line grain."));
        as(tenant, "admin").get("/internal/v1/ai/models/usage").then().body("totals[0].promptTokens", equalTo(12));
    }

    @Test
    void shouldAnswerProblemJsonWhenAStreamedTurnCannotStart() {
        // Given
        String tenant = "acme-" + UUID.randomUUID().toString().substring(0, 8);

        // When / Then
        as(tenant, "engineer").accept("text/event-stream").body(Map.of("content", "Hello"))
                .post("/internal/v1/ai/modeler/sessions/" + DS + "/messages/stream")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("modeler_session_not_found"));
    }
}
