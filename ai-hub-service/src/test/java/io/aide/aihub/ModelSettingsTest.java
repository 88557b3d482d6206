package io.aide.aihub;

import io.aide.testsupport.InternalCalls;

import io.aide.aihub.service.AiTaskService;
import io.aide.events.v1.AiTaskRequested;
import io.aide.events.v1.AiTaskResult;
import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
@QuarkusTestResource(value = ScriptedModelResource.class, restrictToAnnotatedClass = true)
class ModelSettingsTest {
    @Inject
    AiTaskService tasks;

    @Inject
    DataSource database;

    private static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification admin(String tenant) {
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "ada", "engineer,admin")).contentType(ContentType.JSON);
    }

    private static void setModel(String tenant, String model, String key, int timeoutSeconds) {
        admin(tenant).body(Map.of("baseUrl", ScriptedModelResource.baseUrl(), "model", model, "apiKey", key,
                "timeoutSeconds", timeoutSeconds)).put("/internal/v1/ai/models/tenant").then().statusCode(200);
    }

    /** A model call through the AI task path (NL-to-SQL asks the model once, without other services). */
    private AiTaskResult refine(String tenant) {
        return tasks.answer(tenant, new AiTaskRequested("task_" + UUID.randomUUID(), "nl2sql", "gen_1",
                "count the orders (" + tenant + ")", Map.of("schema", "orders(id, customer_id)"), "ada"), null);
    }

    @Test
    void shouldStoreTheTenantsKeySealedAndNeverReturnIt() throws Exception {
        // Given
        String tenant = tenant();

        // When
        setModel(tenant, "ok-model", "sk-secret-A", 30);

        // Then
        admin(tenant).get("/internal/v1/ai/models/tenant").then().statusCode(200)
                .body("source", equalTo("tenant"))
                .body("model", equalTo("ok-model"))
                .body("keySet", equalTo(true))
                .body("$", not(hasKey("apiKey")))
                .body(not(containsString("sk-secret-A")));
        try (Connection c = database.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT api_key_encrypted FROM tenant_models WHERE tenant_id = ?")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("v1:").doesNotContain("sk-secret-A");
            }
        }
    }

    @Test
    void shouldRefuseModelSettingsToNonAdmins() {
        // Given
        String tenant = tenant();

        // When / Then
        given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "bob", "engineer"))
                .get("/internal/v1/ai/models/tenant").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden:admin_only"));
        admin(tenant).body(Map.of("baseUrl", "ftp://x", "model", "m")).put("/internal/v1/ai/models/tenant")
                .then().statusCode(400).body("detail", containsString("baseUrl"));
    }

    @Test
    void shouldTestTheConnectionOfTheTenantsModel() {
        // Given
        String tenant = tenant();
        setModel(tenant, "ok-model", "sk-test", 30);

        // When / Then
        admin(tenant).post("/internal/v1/ai/models/test").then().statusCode(200)
                .body("ok", equalTo(true)).body("model", equalTo("ok-model")).body("answer", equalTo("OK"));
        admin(tenant).body(Map.of("baseUrl", ScriptedModelResource.baseUrl(), "model", "broken-model"))
                .post("/internal/v1/ai/models/test").then().statusCode(200)
                .body("ok", equalTo(false)).body("code", equalTo("llm_call_failed"));
        admin(tenant()).post("/internal/v1/ai/models/test").then().statusCode(409)
                .body("code", equalTo("llm_not_configured"));
    }

    @Test
    void shouldUseTenantAsModelAndKeyForTenantAOnlyAndRecordTheTokens() {
        // Given
        String a = tenant();
        String b = tenant();
        setModel(a, "ok-model", "sk-tenant-A", 30);

        // When
        AiTaskResult forA = refine(a);
        AiTaskResult forB = refine(b);

        // Then
        assertThat(forA.status()).isEqualTo("completed");
        assertThat(forA.content()).isEqualTo("OK");
        assertThat(forB.status()).isEqualTo("not_configured");
        assertThat(forB.code()).isEqualTo("llm_not_configured");
        assertThat(ScriptedModelResource.requests()).filteredOn(r -> r.body().contains("(" + a + ")")).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer sk-tenant-A"));
        assertThat(ScriptedModelResource.requests()).noneMatch(r -> r.body().contains("(" + b + ")"));
        admin(a).get("/internal/v1/ai/models/usage").then().statusCode(200)
                .body("totals[0].userId", equalTo("ada"))
                .body("totals[0].model", equalTo("ok-model"))
                .body("totals[0].calls", equalTo(1))
                .body("totals[0].promptTokens", equalTo(10))
                .body("totals[0].completionTokens", equalTo(5));
        admin(b).get("/internal/v1/ai/models/usage").then().statusCode(200).body("totals.size()", equalTo(0));
    }

    @Test
    void shouldOpenTheCircuitAfterRepeatedFailuresAndCloseItWhenTheModelRecovers() {
        // Given
        String tenant = tenant();
        setModel(tenant, "failing-model", "sk-c", 30);
        ScriptedModelResource.RECOVERED.set(false);
        assertThat(refine(tenant).code()).isEqualTo("llm_call_failed");
        assertThat(refine(tenant).code()).isEqualTo("llm_call_failed");
        long callsBefore = ScriptedModelResource.requests().stream().filter(r -> r.body().contains("failing-model")).count();

        // When
        AiTaskResult refused = refine(tenant);
        ScriptedModelResource.RECOVERED.set(true);

        // Then
        assertThat(refused.code()).isEqualTo("llm_circuit_open");
        assertThat(refused.message()).contains("paused");
        assertThat(ScriptedModelResource.requests().stream().filter(r -> r.body().contains("failing-model")).count())
                .isEqualTo(callsBefore);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(refine(tenant).status()).isEqualTo("completed"));
    }

    @Test
    void shouldReportATimeoutAndAMalformedAnswerAsFailedCalls() {
        // Given
        String slow = tenant();
        String broken = tenant();
        setModel(slow, "slow-model", "sk-s", 1);
        setModel(broken, "broken-model", "sk-b", 30);

        // When
        AiTaskResult timedOut = refine(slow);
        AiTaskResult malformed = refine(broken);

        // Then
        assertThat(timedOut.status()).isEqualTo("failed");
        assertThat(timedOut.code()).isEqualTo("llm_call_failed");
        assertThat(timedOut.message()).contains("slow-model");
        assertThat(malformed.status()).isEqualTo("failed");
        assertThat(malformed.code()).isEqualTo("llm_call_failed");
        assertThat(malformed.message()).contains("broken-model").doesNotContain("sk-b");
    }
}
