package io.aide.validator.service;

import io.aide.events.spec.GeneratedLayers;
import io.aide.validation.CheckResult;
import io.aide.validation.Checks;
import io.aide.validation.PlannedCheck;
import io.aide.validator.spark.SparkRunnerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** spark_sql and pyspark checks through the real Spark runner JVM on local[2]; needs spark-runner built. */
class SparkChecksIT {
    @TempDir
    static Path dir;
    static Path customers;
    static SparkRunner runner;
    static SparkChecks spark;

    @BeforeAll
    static void start() throws IOException {
        customers = Files.writeString(dir.resolve("customers.csv"), "id,name\n1,Ann\n2,Bob\n");
        runner = new SparkRunner(SparkTestConfig.sparkOn(), SparkRunnerSettings.fromEnvironment(System.getenv())
                .withMaster("local[2]"));
        spark = new SparkChecks(runner);
    }

    @AfterAll
    static void stop() {
        runner.stop();
    }

    private static GeneratedLayers.Layer layer(String sparkSql, String pyspark) {
        return new GeneratedLayers.Layer("dim_customer", Map.of("spark", sparkSql), pyspark, List.of(), List.of(),
                List.of("customers"), List.of());
    }

    private static CheckResult run(GeneratedLayers.Layer layer, String check) {
        PlannedCheck planned = spark.plan(layer, List.of("duckdb", "spark", "pyspark")).stream()
                .filter(p -> p.check().equals(check)).findFirst().orElseThrow();
        return spark.run(planned, layer, Map.of("customers", customers));
    }

    @Test
    void shouldPassSparkSqlThatRunsOnTheSample() {
        // When
        CheckResult result = run(layer("SELECT c.id AS customer_id, upper(c.name) AS name FROM customers c", null),
                Checks.SPARK_SQL);

        // Then
        assertThat(result.status()).as(result.message()).isEqualTo(CheckResult.PASS);
        assertThat(result.checkedCount()).isEqualTo(2);
    }

    @Test
    void shouldFailSparkSqlThatReadsAnUnknownColumn() {
        // When
        CheckResult result = run(layer("SELECT c.full_name FROM customers c", null), Checks.SPARK_SQL);

        // Then
        assertThat(result.status()).isEqualTo(CheckResult.FAIL);
        assertThat(result.message()).contains("full_name");
    }

    @Test
    void shouldRunPysparkOrSayWhyItCannot() {
        // When
        CheckResult result = run(layer("SELECT 1", "return tables['customers'].select('id')"), Checks.PYSPARK);

        // Then
        if (CheckResult.SKIPPED.equals(result.status())) {
            assertThat(result.message()).containsIgnoringCase("python");
        } else {
            assertThat(result.status()).as(result.message()).isEqualTo(CheckResult.PASS);
        }
    }
}
