package io.aide.validator.spark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drives the real Spark runner JVM on local[2]; needs spark-runner built (target/classpath.txt). */
class SparkRunnerClientIT {

    @TempDir
    static Path samples;
    static Path customers;
    static SparkRunnerClient client;

    @BeforeAll
    static void startRunner() throws IOException {
        customers = Files.writeString(samples.resolve("customers.csv"), """
                customer_id,full_name,country,balance
                1,Ada Lovelace,GB,120.50
                2,Grace Hopper,US,80.00
                3,Alan Turing,GB,
                4,Edsger Dijkstra,NL,15.25
                """);
        SparkRunnerSettings settings = SparkRunnerSettings.fromEnvironment(System.getenv())
                .withMaster("local[2]")
                .withRequestTimeout(Duration.ofSeconds(60));
        client = new SparkRunnerClient(new SparkRunnerProcess(settings));
    }

    @AfterAll
    static void stopRunner() {
        client.close();
    }

    @Test
    void shouldPassValidSparkSqlWithTheRowCountOfTheSample() {
        // Given
        String sql = "SELECT customer_id, upper(full_name) AS name, coalesce(balance, 0) AS balance "
                + "FROM crm.customers WHERE country = 'GB'";

        // When
        SparkCheckResult result = client.validateSql(sql, Map.of("crm.customers", customers));

        // Then
        assertThat(result.status()).as(result.message()).isEqualTo("pass");
        assertThat(result.rowCount()).isEqualTo(2L);
        assertThat(result.columns()).extracting(SparkCheckResult.Column::name)
                .containsExactly("customer_id", "name", "balance");
        assertThat(result.sampleRows()).extracting(row -> row.get(1))
                .containsExactlyInAnyOrder("ADA LOVELACE", "ALAN TURING");
    }

    @Test
    void shouldFailAtParseStageOnSyntaxError() {
        // Given
        String sql = "SELECT customer_id, full_name FROM customers WHERE country = 'GB' AND";

        // When
        SparkCheckResult result = client.validateSql(sql, Map.of("customers", customers));

        // Then
        assertThat(result.status()).isEqualTo("fail");
        assertThat(result.stage()).isEqualTo("parse");
        assertThat(result.message()).contains("Syntax error");
    }

    @Test
    void shouldFailAtAnalyzeStageOnUnknownColumnAndSuggestTheRightOne() {
        // Given
        String sql = "SELECT customer_id, full_nme FROM customers";

        // When
        SparkCheckResult result = client.validateSql(sql, Map.of("customers", customers));

        // Then
        assertThat(result.status()).isEqualTo("fail");
        assertThat(result.stage()).isEqualTo("analyze");
        assertThat(result.message()).contains("full_nme").contains("full_name");
    }

    @Test
    void shouldAnswerUnavailableForPysparkWithoutPysparkButKeepRunningSql() {
        // Given
        String code = "return tables['customers'].where(\"country = 'GB'\")";
        boolean hasPyspark = "available".equals(client.health().get("pyspark"));

        // When
        SparkCheckResult pyspark = client.validatePyspark(code, Map.of("customers", customers));
        SparkCheckResult sql = client.validateSql("SELECT count(*) AS n FROM customers", Map.of("customers", customers));

        // Then
        if (hasPyspark) {
            assertThat(pyspark.status()).as(pyspark.message()).isEqualTo("pass");
            assertThat(pyspark.rowCount()).isEqualTo(2L);
        } else {
            assertThat(pyspark.status()).isEqualTo("unavailable");
            assertThat(pyspark.message()).startsWith("PySpark needs a Python with pyspark installed; Spark SQL still runs");
        }
        assertThat(sql.status()).isEqualTo("pass");
        assertThat(sql.sampleRows()).containsExactly(List.of(4));
    }

    @Test
    void shouldReportACrashedRunnerAndAnswerFromARestartedOne() {
        // Given
        client.validateSql("SELECT 1 AS one", Map.of());
        ProcessHandle crashed = client.runner().currentProcess().orElseThrow();
        crashed.destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> !crashed.isAlive());

        // When
        SparkCheckResult afterCrash = client.validateSql("SELECT 1 AS one", Map.of());

        // Then
        assertThat(afterCrash.status()).isEqualTo("error");
        assertThat(afterCrash.stage()).isEqualTo("runner");
        assertThat(afterCrash.message()).contains("pid " + crashed.pid()).contains("crashed");
        SparkCheckResult restarted = client.validateSql("SELECT 41 + 1 AS answer", Map.of());
        assertThat(restarted.status()).as(restarted.message()).isEqualTo("pass");
        assertThat(restarted.sampleRows()).containsExactly(List.of(42));
        assertThat(client.runner().currentProcess().orElseThrow().pid()).isNotEqualTo(crashed.pid());
    }
}
