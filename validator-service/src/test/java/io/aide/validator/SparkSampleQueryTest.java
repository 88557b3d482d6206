package io.aide.validator;

import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.Infra;
import io.aide.testsupport.InternalCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
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

/**
 * POST /internal/v1/queries with {@code engine: spark}: the query runs through the validator's Spark runner as an
 * application of the test environment's Spark standalone cluster, on the same tenant-checked sample the DuckDB engine
 * reads, and answers in the same typed shape.
 */
@QuarkusTest
@TestProfile(SparkSampleQueryTest.OnTheCluster.class)
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "validation"))
class SparkSampleQueryTest extends OnSampleFiles {

    /** Spark on, the runner a driver on the test environment's cluster (./aide infra up --env test). */
    public static class OnTheCluster implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the runner starts with the service (as under ./aide test); its cold start on a loaded machine and the
            // executor the worker launches for it take longer than a test request's default 30 s, and than the 20 s a
            // query waits for a starting runner by default (these tests are about the answers of a running one;
            // SparkStartingQueryTest covers the cold start)
            return Map.of("aide.validator.spark-enabled", "true",
                    "aide.validator.spark-warm-up", "true",
                    "aide.validator.spark-master", Infra.sparkMaster(),
                    "aide.validator.spark-conf", Infra.sparkConf(),
                    "aide.validator.spark-query-timeout", "60s",
                    "aide.validator.spark-query-start-wait", "150s",
                    "quarkus.http.test-timeout", "180s");
        }
    }

    private ValidatableResponse query(String tenantId, String sql, Integer limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dataSourceId", dataSource);
        body.put("sql", sql);
        body.put("engine", "spark");
        if (limit != null) {
            body.put("limit", limit);
        }
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenantId)).contentType("application/json")
                .body(body).when().post("/internal/v1/queries").then();
    }

    @Test
    void shouldRunSparkSqlOnTheSampleAndAnswerTypedColumnsAndRows() {
        // Given Spark SQL (backquoted names, Spark's own format_number) over both sample files
        String sql = "SELECT c.`name`, SUM(CAST(o.amount AS DECIMAL(10,2))) AS total, "
                + "format_number(SUM(CAST(o.amount AS DOUBLE)), 1) AS label "
                + "FROM customers c JOIN orders o ON c.id = o.customer_id GROUP BY c.`name` ORDER BY c.`name`;";

        // When
        ValidatableResponse response = query(tenant, sql, null);

        // Then
        response.statusCode(200)
                .body("columns.name", equalTo(List.of("name", "total", "label")))
                .body("columns.type", equalTo(List.of("VARCHAR", "DECIMAL(20,2)", "VARCHAR")))
                .body("rows", hasSize(2))
                .body("rows[0][0]", equalTo("Ann"))
                .body("rows[0][1]", equalTo(10.00f))
                .body("rows[0][2]", equalTo("10.0"))
                .body("rows[1][0]", equalTo("Bob"))
                .body("rows[1][1]", equalTo(7.25f))
                .body("truncated", equalTo(false))
                .body("sample.kind", equalTo("files"))
                .body("sample.tables", hasItems("customers", "orders"));
    }

    @Test
    void shouldCutRowsAtTheLimitAndSayTheResultIsTruncated() {
        // When
        ValidatableResponse response = query(tenant, "SELECT id FROM range(50)", 7);

        // Then
        response.statusCode(200).body("rows", hasSize(7)).body("truncated", equalTo(true))
                .body("columns[0].type", equalTo("BIGINT"));
    }

    @Test
    void shouldRefuseAnythingButAQuery() {
        // Given
        List<String> writes = List.of("DROP TABLE customers", "INSERT INTO customers VALUES ('4', 'Dee', 'A')",
                "SET spark.sql.ansi.enabled = false");

        for (String sql : writes) {
            // When
            ValidatableResponse response = query(tenant, sql, null);

            // Then
            response.statusCode(422).contentType("application/problem+json").body("code", equalTo("query:not_select"))
                    .body("detail", containsString("Only one SELECT"));
        }
    }

    @Test
    void shouldNameSparksReasonForAQueryThatFails() {
        // When
        ValidatableResponse unknown = query(tenant, "SELECT nickname FROM customers", null);
        ValidatableResponse syntax = query(tenant, "SELECT name FROM customers WHERE name =", null);
        ValidatableResponse badCast = query(tenant, "SELECT CAST(name AS INT) AS n FROM customers", null);

        // Then
        unknown.statusCode(422).contentType("application/problem+json").body("code", equalTo("spark:analyze"))
                .body("detail", containsString("nickname")).body("detail", containsString("UNRESOLVED_COLUMN"));
        syntax.statusCode(422).body("code", equalTo("spark:parse")).body("detail", containsString("Syntax error"));
        badCast.statusCode(422).body("code", equalTo("spark:execute")).body("detail", containsString("CAST_INVALID_INPUT"))
                .body("detail", containsString("'Ann'"));
    }

    @Test
    void shouldNotReadAnotherTenantsSample() {
        // Given
        String intruder = "t" + UUID.randomUUID().toString().substring(0, 8);

        // When
        ValidatableResponse response = query(intruder, "SELECT * FROM customers", null);

        // Then
        response.statusCode(404).contentType("application/problem+json").body("code", equalTo("not_found:sample"))
                .body("detail", containsString(dataSource));
    }
}
