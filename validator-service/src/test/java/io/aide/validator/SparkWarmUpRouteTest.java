package io.aide.validator;

import io.aide.testsupport.AideInfraResource;
import io.aide.validator.service.SparkRunner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The management route ./aide up calls once the services are ready: it starts the Spark runner in the background. */
@QuarkusTest
@TestProfile(SparkWarmUpRouteTest.ColdRunner.class)
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "validation"))
class SparkWarmUpRouteTest {

    /** Spark on, not warmed at start. */
    public static class ColdRunner implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aide.validator.spark-enabled", "true",
                    "aide.validator.spark-warm-up", "false",
                    "aide.validator.spark-master", "local[1]");
        }
    }

    @TestHTTPResource(value = "/spark/warm-up", management = true)
    URL warmUp;

    @Inject
    SparkRunner spark;

    @Test
    void shouldStartTheRunnerInTheBackgroundAndSayItRunsOnceItDoes() throws Exception {
        // Given
        assertThat(spark.started()).isFalse();

        // When
        long asked = System.nanoTime();
        assertThat(warmUp.getPath()).isEqualTo("/q/spark/warm-up");
        given().post(warmUp).then().statusCode(202).body("runner", equalTo("starting"));
        long answeredMillis = (System.nanoTime() - asked) / 1_000_000;

        // Then: the answer does not wait for the runner, which comes up on its own
        assertThat(answeredMillis).as("the route answers before the runner is up").isLessThan(10_000);
        assertThat(spark.client().runner().currentProcess()).isPresent();
        assertThat(spark.client().runner().awaitStarted(Duration.ofMinutes(4))).isTrue();
        given().post(warmUp).then().statusCode(202).body("runner", equalTo("running"));
    }
}
