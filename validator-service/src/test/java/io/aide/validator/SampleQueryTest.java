package io.aide.validator;

import io.aide.events.EventJson;
import io.aide.events.v1.ValidationRequested;
import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.InternalCalls;
import io.aide.validator.persistence.ValidationRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "validation"))
class SampleQueryTest extends OnSampleFiles {

    @Inject
    ValidationRepository runs;

    private ValidatableResponse query(String tenantId, Map<String, Object> body) {
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenantId)).contentType("application/json")
                .body(body).when().post("/internal/v1/queries").then();
    }

    private Map<String, Object> onSample(String sql, Integer limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dataSourceId", dataSource);
        body.put("sql", sql);
        if (limit != null) {
            body.put("limit", limit);
        }
        return body;
    }

    @Test
    void shouldReturnTypedColumnsAndRowsOfASelectOnTheDataSourceSample() {
        // Given
        String sql = "WITH totals AS (SELECT CAST(customer_id AS INTEGER) AS customer_id, "
                + "SUM(CAST(amount AS DECIMAL(10,2))) AS total FROM orders GROUP BY 1) "
                + "SELECT c.name, t.total FROM customers c JOIN totals t ON CAST(c.id AS INTEGER) = t.customer_id "
                + "ORDER BY c.name;";

        // When
        ValidatableResponse response = query(tenant, onSample(sql, null));

        // Then
        response.statusCode(200)
                .body("columns.name", equalTo(List.of("name", "total")))
                .body("columns.type", equalTo(List.of("VARCHAR", "DECIMAL(38,2)")))
                .body("rows", hasSize(2))
                .body("rows[0][0]", equalTo("Ann"))
                .body("rows[0][1]", equalTo(10.00f))
                .body("rows[1][0]", equalTo("Bob"))
                .body("truncated", equalTo(false))
                .body("elapsedMs", lessThan(10_000))
                .body("sample.kind", equalTo("files"))
                .body("sample.tables", hasItems("customers", "orders"));
    }

    @Test
    void shouldCutRowsAtTheLimitAndSayTheResultIsTruncated() {
        // Given
        String sql = "SELECT * FROM range(50) t(n)";

        // When
        ValidatableResponse response = query(tenant, onSample(sql, 7));

        // Then
        response.statusCode(200).body("rows", hasSize(7)).body("truncated", equalTo(true))
                .body("columns[0].type", equalTo("BIGINT"));
    }

    @Test
    void shouldRefuseALimitAboveTheMaximum() {
        // When
        ValidatableResponse response = query(tenant, onSample("SELECT 1", 1_000_000));

        // Then
        response.statusCode(400).contentType("application/problem+json").body("code", equalTo("query:limit"))
                .body("detail", containsString("between 1 and 1000"));
    }

    @Test
    void shouldRefuseAnythingButOneSelect() {
        // Given
        List<String> writes = List.of("DELETE FROM customers", "CREATE TABLE x AS SELECT 1", "SET threads = 8",
                "SELECT 1; DROP TABLE customers", "ATTACH 'other.db'", "COPY customers TO 'out.csv'");

        for (String sql : writes) {
            // When
            ValidatableResponse response = query(tenant, onSample(sql, null));

            // Then
            response.statusCode(422).contentType("application/problem+json").body("code", equalTo("query:not_select"))
                    .body("detail", containsString("Only one SELECT"));
        }
        query(tenant, onSample("SELECT count(*) AS n FROM customers", null)).statusCode(200)
                .body("rows[0][0]", equalTo(3));
    }

    @Test
    void shouldNameTheSyntaxErrorAndTheUnknownColumn() {
        // When
        ValidatableResponse syntax = query(tenant, onSample("SELECT name FROM customers WHERE", null));
        ValidatableResponse binding = query(tenant, onSample("SELECT nickname FROM customers", null));

        // Then
        syntax.statusCode(422).body("code", equalTo("query:syntax")).body("detail", containsString("does not parse"));
        binding.statusCode(422).body("code", equalTo("sql:binding")).body("detail", containsString("nickname"));
    }

    @Test
    void shouldStopFileAccessAndRunawayQueries() {
        // When
        ValidatableResponse file = query(tenant, onSample("SELECT * FROM read_csv('/etc/passwd')", null));
        ValidatableResponse runaway = query(tenant, onSample("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL "
                + "SELECT n + 1 FROM r) SELECT count(*) FROM r", null));

        // Then
        file.statusCode(422).body("code", equalTo("sandbox:file_access"));
        runaway.statusCode(422).body("code", equalTo("sandbox:timeout")).body("detail", containsString("2000 ms"));
    }

    @Test
    void shouldNotReadAnotherTenantsSample() {
        // Given
        String intruder = "t" + UUID.randomUUID().toString().substring(0, 8);

        // When
        ValidatableResponse response = query(intruder, onSample("SELECT * FROM customers", null));

        // Then
        response.statusCode(404).contentType("application/problem+json").body("code", equalTo("not_found:sample"))
                .body("detail", containsString(dataSource));
    }

    @Test
    void shouldQueryTheSampleAGenerationWasValidatedOn() {
        // Given
        String generationId = "gen_" + System.nanoTime();
        ValidationRequested request = new ValidationRequested(generationId, "doc_1", 1, null,
                "tenants/" + tenant + "/generations/" + generationId + "/layers/v1.json", List.of("duckdb"), dataSource, 1);
        runs.startRun("val_" + System.nanoTime(), tenant, generationId, "doc_1", 1, EventJson.toJson(request), "corr");
        Map<String, Object> body = Map.of("generationId", generationId, "sql", "SELECT name FROM customers ORDER BY id");

        // When
        ValidatableResponse own = query(tenant, body);
        ValidatableResponse foreign = query("someone-else", body);

        // Then
        own.statusCode(200).body("rows", equalTo(List.of(List.of("Ann"), List.of("Bob"), List.of("Cid"))))
                .body("sample.dataSourceId", equalTo(dataSource));
        foreign.statusCode(404).body("code", equalTo("not_found:generation"));
    }

    @Test
    void shouldAskForExactlyOneSample() {
        // When
        ValidatableResponse neither = query(tenant, Map.of("sql", "SELECT 1"));
        ValidatableResponse both = query(tenant, Map.of("sql", "SELECT 1", "dataSourceId", dataSource,
                "generationId", "gen_1"));

        // Then
        neither.statusCode(400).body("code", equalTo("query:sample"));
        both.statusCode(400).body("code", equalTo("query:sample"));
    }

    @Test
    void shouldRefuseAnUnknownEngineAndSparkWhereItIsTurnedOff() {
        // Given
        Map<String, Object> onSpark = new LinkedHashMap<>(onSample("SELECT name FROM customers", null));
        onSpark.put("engine", "spark");
        Map<String, Object> onOracle = new LinkedHashMap<>(onSample("SELECT name FROM customers", null));
        onOracle.put("engine", "oracle");

        // When
        ValidatableResponse spark = query(tenant, onSpark);
        ValidatableResponse oracle = query(tenant, onOracle);

        // Then
        spark.statusCode(503).contentType("application/problem+json").body("code", equalTo("unavailable:spark_unavailable"))
                .body("detail", containsString("AIDE_VALIDATOR_SPARK_ENABLED"));
        oracle.statusCode(400).contentType("application/problem+json").body("code", equalTo("query:engine"))
                .body("detail", containsString("'oracle'"));
    }

    @Test
    void shouldRefuseACallWithoutTheInternalToken() {
        // When
        ValidatableResponse response = given().header("X-Aide-Tenant", tenant).contentType("application/json")
                .body(onSample("SELECT 1", null)).when().post("/internal/v1/queries").then();

        // Then
        response.statusCode(401).body("code", equalTo("unauthorized:internal_token"));
    }
}
