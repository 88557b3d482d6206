package io.aide.validator.engines;

import io.aide.validation.compare.ResultTable;
import io.aide.validation.compare.TargetComparison;
import io.aide.validator.spark.SparkCheckResult;
import io.aide.validator.spark.SparkRunnerClient;
import io.aide.validator.spark.SparkRunnerProcess;
import io.aide.validator.spark.SparkRunnerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark SQL output of each evaluation case run by the project's Spark runner with ANSI mode on (Spark 4's
 * default, where a bad cast or date raises instead of giving NULL), its sources read as text: every column scores
 * as it does in DuckDB. Needs spark-runner built (target/classpath.txt).
 */
class SparkDialectIT {
    private static final int MAX_ROWS = 1000;
    private static SparkRunnerClient spark;

    @BeforeAll
    static void startRunner() {
        SparkRunnerSettings settings = SparkRunnerSettings.fromEnvironment(System.getenv()).withMaster("local[2]")
                .withRequestTimeout(Duration.ofSeconds(120));
        settings = new SparkRunnerSettings(settings.runnerHome(), settings.master(), settings.javaCommand(), settings.heap(),
                settings.startTimeout(), settings.requestTimeout(), List.of("-Dspark.sql.ansi.enabled=true"));
        spark = new SparkRunnerClient(new SparkRunnerProcess(settings));
    }

    @AfterAll
    static void stopRunner() {
        spark.close();
    }

    @Test
    void shouldRunTheRunnerInAnsiMode() {
        // When
        SparkCheckResult badCast = spark.runSqlOnText("SELECT CAST('not a number' AS INT) AS n", Map.of(), 1);

        // Then
        assertThat(badCast.status()).as(badCast.message()).isEqualTo("fail");
        assertThat(badCast.message()).contains("not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jaffle-shop", "solar-logistics", "sdtm-oak-cm", EvalCase.OWN_CASE, EvalCase.RETAIL_CASE, EvalCase.HEALTH_CASE})
    void shouldGiveTheExpectedRowsOnSparkInAnsiModeAsOnDuckdb(String name) throws Exception {
        // Given
        EvalCase c = EvalCase.load(name);
        Map<String, TargetComparison> duckdb;
        try (Connection db = EvalCase.duckdb(c)) {
            duckdb = c.compare("duckdb", sql -> EvalCase.query(db, sql));
        }
        Map<String, Path> tables = new LinkedHashMap<>();
        c.sources().forEach(s -> tables.put(s.qualified(), s.csv()));

        // When
        Map<String, TargetComparison> sparkScores = c.compare("spark", sql -> run(sql, tables));

        // Then
        PostgresDialectIT.assertSameScores(name, duckdb, sparkScores);
    }

    private static ResultTable run(String sql, Map<String, Path> tables) {
        SparkCheckResult result = spark.runSqlOnText(sql, tables, MAX_ROWS);
        if (!"pass".equals(result.status())) {
            throw new IllegalStateException("Spark " + result.status() + " at " + result.stage() + ": " + result.message());
        }
        assertThat(result.rowCount()).as("rows returned by the runner").isLessThanOrEqualTo(MAX_ROWS);
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : result.sampleRows()) {
            rows.add(row.stream().map(v -> v == null ? null : v.toString()).toList());
        }
        return new ResultTable(result.columns().stream().map(SparkCheckResult.Column::name).toList(), rows);
    }
}
