package io.aide.validator;

import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.InternalCalls;
import io.aide.validator.config.S3Config;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A query with {@code engine: spark} that finds the Spark runner cold: it does not wait out the runner's start (longer
 * than a caller's timeout) but answers 503 {@code unavailable:spark_starting} at once, while the runner goes on
 * starting; the same query runs once it is up.
 */
@QuarkusTest
@TestProfile(SparkStartingQueryTest.ColdRunner.class)
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "validation"))
class SparkStartingQueryTest {

    /** Spark on and not warmed at start; a query does not wait for a starting runner at all. */
    public static class ColdRunner implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aide.validator.spark-enabled", "true",
                    "aide.validator.spark-warm-up", "false",
                    "aide.validator.spark-master", "local[1]",
                    "aide.validator.spark-query-start-wait", "0s",
                    "aide.validator.spark-query-timeout", "60s",
                    "quarkus.http.test-timeout", "120s");
        }
    }

    @Inject
    S3Config s3;

    @Test
    void shouldAnswerThatTheRunnerIsStartingThenRunTheQueryOnceItIsUp() throws Exception {
        // Given
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        String dataSource = "ds_" + UUID.randomUUID().toString().replace("-", "");
        try (TestStore store = new TestStore(s3)) {
            store.putText("tenants/" + tenant + "/datasources/" + dataSource + "/files/customers.csv",
                    "id,name\n1,Ann\n2,Bob\n");

            // When
            ValidatableResponse first = query(tenant, dataSource);

            // Then
            first.statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("unavailable:spark_starting"))
                    .body("detail", containsString("The Spark runner is starting"))
                    .body("detail", containsString("retry in a moment"));
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() ->
                    query(tenant, dataSource).statusCode(200).body("rows", equalTo(List.of(List.of("Ann")))));
        }
    }

    private static ValidatableResponse query(String tenant, String dataSource) {
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenant)).contentType("application/json")
                .body(Map.of("dataSourceId", dataSource, "sql", "SELECT name FROM customers WHERE id = 1",
                        "engine", "spark"))
                .when().post("/internal/v1/queries").then();
    }
}
