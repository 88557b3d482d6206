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

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** A query with {@code engine: spark} while the configured Spark master does not answer: a 503 that says so. */
@QuarkusTest
@TestProfile(SparkUnreachableQueryTest.NoMaster.class)
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "validation"))
class SparkUnreachableQueryTest {

    /** Spark on, pointed at a standalone master on a port where nothing listens. */
    public static class NoMaster implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aide.validator.spark-enabled", "true", "aide.validator.spark-master", "spark://127.0.0.1:1");
        }
    }

    @Inject
    S3Config s3;

    @Test
    void shouldAnswer503NamingTheMasterWhenNoClusterAnswers() throws Exception {
        // Given
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        String dataSource = "ds_" + UUID.randomUUID().toString().replace("-", "");
        try (TestStore store = new TestStore(s3)) {
            store.putText("tenants/" + tenant + "/datasources/" + dataSource + "/files/customers.csv", "id,name\n1,Ann\n");

            // When
            ValidatableResponse response = given().header(InternalCalls.HEADER, InternalCalls.token(tenant))
                    .contentType("application/json")
                    .body(Map.of("dataSourceId", dataSource, "sql", "SELECT name FROM customers", "engine", "spark"))
                    .when().post("/internal/v1/queries").then();

            // Then
            response.statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("unavailable:spark_unavailable"))
                    .body("detail", containsString("spark://127.0.0.1:1"))
                    .body("detail", containsString("not reachable"))
                    .body("detail", not(containsString("Exception")));
        }
    }
}
