package io.aide.aihub;

import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.InternalCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
@QuarkusTestResource(value = ScriptedModelServer.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = DocumentServiceStub.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = GenerationServicesStub.class, restrictToAnnotatedClass = true)
class RuleAssistTest {
    private static final String BASE = "/internal/v1/ai/rule-assist";

    private static String tenant(String model) {
        String tenant = "refine-" + UUID.randomUUID().toString().substring(0, 8);
        if (model != null) {
            given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "ada", "engineer,admin"))
                    .contentType(ContentType.JSON).body(Map.of("baseUrl", ScriptedModelServer.baseUrl, "model", model,
                            "apiKey", "sk-" + tenant, "timeoutSeconds", 30))
                    .put("/internal/v1/ai/models/tenant").then().statusCode(200);
        }
        return tenant;
    }

    private static RequestSpecification as(String tenant) {
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "ada"));
    }

    @Test
    void shouldProposeACheckedExpressionForTheFlaggedColumnAndWriteItBackWhenAccepted() {
        // Given
        String tenant = tenant("rule-good");

        // When
        ValidatableResponse proposed = as(tenant).post(BASE + "/generations/" + GenerationServicesStub.GENERATION).then();

        // Then
        proposed.statusCode(200).body("proposals", hasSize(1))
                .body("proposals[0].column", equalTo("status_label"))
                .body("proposals[0].mappingRef", equalTo(GenerationServicesStub.FLAGGED_ROW))
                .body("proposals[0].expression", equalTo(ScriptedModelServer.GOOD_RULE))
                .body("proposals[0].status", equalTo("ai_proposed"))
                .body("proposals[0].sampleValues", equalTo(List.of("Open", "Closed")));
        assertThat(DocumentServiceStub.ROW_EDITS).noneMatch(e -> e.startsWith(tenant + " "));
        String id = proposed.extract().path("proposals[0].proposalId");

        // When
        ValidatableResponse accepted = as(tenant).post(BASE + "/proposals/" + id + "/accept").then();

        // Then
        accepted.statusCode(200).body("status", equalTo("accepted")).body("specVersion", equalTo(2))
                .body("acceptedBy", equalTo("ada"));
        assertThat(DocumentServiceStub.ROW_EDITS).filteredOn(e -> e.startsWith(tenant + " ")).singleElement()
                .isEqualTo(tenant + " doc_1 Orders:5 {\"transformation\":\"" + ScriptedModelServer.GOOD_RULE + "\"}");
        as(tenant).get(BASE + "/generations/" + GenerationServicesStub.GENERATION).then().statusCode(200)
                .body("proposals.status", equalTo(List.of("accepted")));
        as(tenant).post(BASE + "/proposals/" + id + "/accept").then().statusCode(409)
                .body("code", equalTo("rule_proposal_not_acceptable"));
    }

    @Test
    void shouldRejectAnExpressionTheSampleRefusesAndNeverAcceptIt() {
        // Given
        String tenant = tenant("rule-bad");

        // When
        ValidatableResponse proposed = as(tenant).post(BASE + "/generations/" + GenerationServicesStub.GENERATION).then();

        // Then
        proposed.statusCode(200).body("proposals[0].status", equalTo("rejected"))
                .body("proposals[0].reason", containsString("sql:binding"))
                .body("proposals[0].reason", containsString("state"))
                .body("proposals[0].specVersion", nullValue());
        String id = proposed.extract().path("proposals[0].proposalId");
        as(tenant).post(BASE + "/proposals/" + id + "/accept").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("rule_proposal_not_acceptable"));
        assertThat(DocumentServiceStub.ROW_EDITS).noneMatch(e -> e.startsWith(tenant + " "));
    }

    @Test
    void shouldSayNoLanguageModelIsConfigured() {
        // Given
        String tenant = tenant(null);

        // When / Then
        as(tenant).post(BASE + "/generations/" + GenerationServicesStub.GENERATION).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("llm_not_configured"))
                .body("detail", containsString("rule assistance"));
    }

    @Test
    void shouldNotAcceptAnotherTenantsProposal() {
        // Given
        String owner = tenant("rule-good");
        String id = as(owner).post(BASE + "/generations/" + GenerationServicesStub.GENERATION).then().statusCode(200)
                .extract().path("proposals[0].proposalId");

        // When / Then
        as(tenant(null)).post(BASE + "/proposals/" + id + "/accept").then().statusCode(404)
                .body("code", equalTo("rule_proposal_not_found"));
    }
}
