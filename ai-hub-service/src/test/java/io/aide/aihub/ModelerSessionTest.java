package io.aide.aihub;

import io.aide.aihub.persistence.TenantModelRepository;
import io.aide.testsupport.InternalCalls;
import org.junit.jupiter.api.BeforeEach;

import io.aide.aihub.session.SessionKeys;
import io.aide.testsupport.AideInfraResource;
import io.quarkus.redis.datasource.RedisDataSource;
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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
@QuarkusTestResource(value = DocumentServiceStub.class, restrictToAnnotatedClass = true)
class ModelerSessionTest {
    @Inject
    TenantModelRepository tenantModels;

    /** The test database is shared with the stack the end-to-end tier drives, which may leave a model for acme. */
    @BeforeEach
    void withoutATenantModelForAcme() {
        tenantModels.delete("acme");
    }

    private static final String DS = DocumentServiceStub.DATA_SOURCE;

    @Inject
    RedisDataSource redis;

    @Inject
    DataSource database;

    private static RequestSpecification as(String tenant, String user) {
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenant, user)).contentType(ContentType.JSON);
    }

    private static String user() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String open(String user) {
        return as("acme", user).body("{\"dataSourceId\":\"" + DS + "\"}").post("/internal/v1/ai/modeler/sessions")
                .then().statusCode(201).extract().path("conversationId");
    }

    private long keysInRedis(String user) {
        return new SessionKeys("acme", DS, user).all().stream().filter(k -> redis.key().exists(k)).count();
    }

    @Test
    void shouldOpenASessionWithTheAnalysisAndRestoreItAfterAReload() {
        // Given
        String user = user();

        // When
        String conversationId = as("acme", user).body("{\"dataSourceId\":\"" + DS + "\"}")
                .post("/internal/v1/ai/modeler/sessions")
                .then().statusCode(201)
                .body("source", equalTo("new"))
                .body("restored", equalTo(false))
                .body("summary.tableCount", equalTo(9))
                .body("summary.totalForeignKeys", equalTo(9))
                .body("schemaContext", containsString("### sales.order_items"))
                .body("analysis.starSchema.facts.name", org.hamcrest.Matchers.contains("fact_order_item", "fact_shipment"))
                .body("messages", hasSize(1))
                .body("messages[0].role", equalTo("assistant"))
                .body("messages[0].content", containsString("## 1. Structural analysis and integrity check"))
                .extract().path("conversationId");

        // Then
        as("acme", user).body("{\"dataSourceId\":\"" + DS + "\"}").post("/internal/v1/ai/modeler/sessions")
                .then().statusCode(200)
                .body("conversationId", equalTo(conversationId))
                .body("source", equalTo("redis"))
                .body("restored", equalTo(true))
                .body("analysis", nullValue())
                .body("messages[0].content", containsString("fact_order_item"));
        SessionKeys keys = new SessionKeys("acme", DS, user);
        assertThat(redis.hash(String.class).hget(keys.metadata(), "conversationId")).isEqualTo(conversationId);
        assertThat(redis.value(String.class).get(keys.schema())).contains("| 9 | 34 | 9 | 0 | 3.8 |");
        assertThat(redis.key().ttl(keys.metadata())).isBetween(86_000L, 86_400L);
        assertThat(redis.key().ttl(keys.messages())).isBetween(86_000L, 86_400L);
    }

    @Test
    void shouldVersionTheModelDraft() {
        // Given
        String user = user();
        open(user);

        // When
        as("acme", user).body("{\"model\":{\"facts\":[\"fact_order_item\"]}}")
                .put("/internal/v1/ai/modeler/sessions/" + DS + "/draft").then().statusCode(200)
                .body("version", equalTo(1));
        as("acme", user).body("{\"model\":{\"facts\":[\"fact_order_item\",\"fact_shipment\"]}}")
                .put("/internal/v1/ai/modeler/sessions/" + DS + "/draft").then().statusCode(200)
                .body("version", equalTo(2));

        // Then
        as("acme", user).get("/internal/v1/ai/modeler/sessions/" + DS).then().statusCode(200)
                .body("restored", equalTo(true))
                .body("modelDraft.version", equalTo(2))
                .body("modelDraft.model.facts", hasSize(2));
        assertThat(redis.key().ttl(new SessionKeys("acme", DS, user).modelDraft())).isBetween(86_000L, 86_400L);
    }

    @Test
    void shouldSaveTheSessionToPostgresClearRedisAndReopenItReadOnly() throws Exception {
        // Given
        String user = user();
        String conversationId = open(user);
        as("acme", user).body("{\"model\":{\"facts\":[\"fact_order_item\"]}}")
                .put("/internal/v1/ai/modeler/sessions/" + DS + "/draft").then().statusCode(200);
        String dataModel = "dm_" + UUID.randomUUID().toString().substring(0, 8);

        // When
        as("acme", user).body("{\"dataModelId\":\"" + dataModel + "\",\"title\":\"Sales star\"}")
                .post("/internal/v1/ai/modeler/sessions/" + DS + "/save")
                .then().statusCode(200)
                .body("source", equalTo("database"))
                .body("readOnly", equalTo(true))
                .body("conversationId", equalTo(conversationId));

        // Then
        assertThat(keysInRedis(user)).isZero();
        as("acme", user).get("/internal/v1/ai/modeler/conversations/" + dataModel).then().statusCode(200)
                .body("readOnly", equalTo(true))
                .body("title", equalTo("Sales star"))
                .body("dataSourceId", equalTo(DS))
                .body("messages", hasSize(1))
                .body("messages[0].content", containsString("CREATE TABLE fact_order_item"))
                .body("modelDraft.version", equalTo(1))
                .body("modelDraft.model.facts[0]", equalTo("fact_order_item"));
        as("acme", user).get("/internal/v1/ai/modeler/sessions/" + DS).then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("modeler_session_not_found"));
        try (Connection c = database.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM conversation_messages m JOIN conversations"
                     + " c ON c.id = m.conversation_id WHERE c.id = ? AND c.tenant_id = 'acme' AND c.created_by = ?")) {
            s.setString(1, conversationId);
            s.setString(2, user);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldClearRedisWhenTheSessionIsCancelled() {
        // Given
        String user = user();
        open(user);

        // When
        as("acme", user).delete("/internal/v1/ai/modeler/sessions/" + DS).then().statusCode(204);

        // Then
        assertThat(keysInRedis(user)).isZero();
        as("acme", user).get("/internal/v1/ai/modeler/sessions/" + DS).then().statusCode(404);
    }

    @Test
    void shouldKeepSessionsAndConversationsToTheirTenantAndUser() {
        // Given
        String user = user();
        open(user);
        String dataModel = "dm_" + UUID.randomUUID().toString().substring(0, 8);
        as("acme", user).body("{\"dataModelId\":\"" + dataModel + "\"}")
                .post("/internal/v1/ai/modeler/sessions/" + DS + "/save").then().statusCode(200);
        open(user);

        // When / Then
        as("acme", "someone-else").get("/internal/v1/ai/modeler/sessions/" + DS).then().statusCode(404);
        as("globex", user).get("/internal/v1/ai/modeler/sessions/" + DS).then().statusCode(404);
        as("globex", user).get("/internal/v1/ai/modeler/conversations/" + dataModel).then().statusCode(404)
                .body("code", equalTo("conversation_not_found"));
        as("globex", user).body("{\"dataSourceId\":\"" + DS + "\"}").post("/internal/v1/ai/modeler/sessions")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("datasource_not_found"));
    }

    @Test
    void shouldSayThatTheChatNeedsAModelAndLeaveTheSessionAsItIs() {
        // Given
        String user = user();
        open(user);

        // When
        as("acme", user).body("{\"content\":\"Which model fits revenue by region?\"}")
                .post("/internal/v1/ai/modeler/sessions/" + DS + "/messages")

                // Then
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("llm_not_configured"))
                .body("detail", containsString("AIDE_LLM_BASE_URL"));
        as("acme", user).get("/internal/v1/ai/modeler/sessions/" + DS).then().body("messages", hasSize(1));
    }

    @Test
    void shouldRefuseUnsignedCallsAndBadIds() {
        // Given
        String user = user();

        // When / Then
        given().header("X-Aide-Tenant", "acme").header("X-Aide-User", user).get("/internal/v1/ai/modeler/sessions/" + DS)
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("unauthorized:internal_token"));
        as("acme", user).body("{}").post("/internal/v1/ai/modeler/sessions").then().statusCode(400)
                .body("detail", startsWith("dataSourceId"));
        as("acme", user).body("{\"dataModelId\":\"../x\"}").post("/internal/v1/ai/modeler/sessions/" + DS + "/save")
                .then().statusCode(400).body("detail", startsWith("dataModelId"));
        as("acme", user).body("{\"dataModelId\":\"dm_1\"}").post("/internal/v1/ai/modeler/sessions/" + DS + "/save")
                .then().statusCode(404).body("code", equalTo("modeler_session_not_found"))
                .body("type", notNullValue());
    }

    @Test
    void shouldExportTheStarSchemaDdlInTheAskedDialect() {
        // Given
        String user = user();

        // When / Then
        as("acme", user).get("/internal/v1/ai/modeler/datasources/" + DS + "/analysis?dialect=snowflake")
                .then().statusCode(200).contentType("application/sql")
                .header("Content-Disposition", containsString("ds_sales_star_schema_snowflake.sql"))
                .body(containsString("customer_key NUMBER AUTOINCREMENT"))
                .body(containsString("CREATE TABLE fact_order_item ("));
        as("acme", user).get("/internal/v1/ai/modeler/datasources/" + DS + "/analysis")
                .then().statusCode(200)
                .body("roles.order_items", equalTo("FACT"))
                .body("findings.kind", org.hamcrest.Matchers.hasItem("orphan_reference"));
        as("acme", user).get("/internal/v1/ai/modeler/datasources/" + DS + "/analysis?dialect=cobol")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("duckdb, postgres, snowflake, bigquery, spark, ansi"));
    }
}
