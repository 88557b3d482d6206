package io.aide.aihub.service;

import io.aide.aihub.client.DocumentClientErrors;
import io.aide.aihub.client.ValidatorClient;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How the validator's answers that are not rows reach the callers of {@link SampleQueries}. */
class SampleQueriesTest {

    /** The validator as its HTTP answer arrives: the status and problem body through the client's error mapper. */
    private static ValidatorClient answering(int status, String problem) {
        RuntimeException error = new DocumentClientErrors().toThrowable(Response.status(status).entity(problem).build());
        return new ValidatorClient() {
            @Override
            public String query(String tenant, String user, String correlationId, String body) {
                throw error;
            }

            @Override
            public String validation(String tenant, String user, String correlationId, String generationId) {
                throw error;
            }
        };
    }

    @Test
    void shouldPassOnTheValidatorsReasonWhenTheSparkRunnerIsStarting() {
        // Given
        SampleQueries samples = new SampleQueries(answering(503, """
                {"code": "unavailable:spark_starting", "title": "Service unavailable",
                 "detail": "The Spark runner is starting (for 12 s). The query did not run: retry in a moment."}"""), 60);

        // When
        AiHubException e = catchThrowableOfType(AiHubException.class, () ->
                samples.onDataSourceWithSpark(Caller.of("acme", "alice", null), "ds_1", "SELECT 1", 10));

        // Then
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.code()).isEqualTo("unavailable:spark_starting");
        assertThat(e.getMessage()).isEqualTo("validator-service: The Spark runner is starting (for 12 s). The query "
                + "did not run: retry in a moment.");
    }

    @Test
    void shouldSayTheValidatorDoesNotAnswerAndHowLongItWaitsForASparkQuery() {
        // Given: a 502 without a problem body (a proxy in between, say)
        SampleQueries samples = new SampleQueries(answering(502, "Bad Gateway"), 45);

        // When
        AiHubException spark = catchThrowableOfType(AiHubException.class, () ->
                samples.onDataSourceWithSpark(Caller.of("acme", "alice", null), "ds_1", "SELECT 1", 10));
        AiHubException duckdb = catchThrowableOfType(AiHubException.class, () ->
                samples.onDataSource(Caller.of("acme", "alice", null), "ds_1", "SELECT 1", 10));

        // Then
        assertThat(spark.code()).isEqualTo("validator_unavailable");
        assertThat(spark.getMessage()).contains("does not answer").contains("Spark runner")
                .contains("AIDE_VALIDATOR_QUERY_TIMEOUT").contains("45 s");
        assertThat(duckdb.code()).isEqualTo("validator_unavailable");
        assertThat(duckdb.getMessage()).doesNotContain("Spark").endsWith("Retry in a moment.");
    }
}
