package io.aide.validator.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aide.events.spec.GeneratedLayers;
import io.aide.testsupport.AideTestEnvironment;
import io.aide.testsupport.Infra;
import io.aide.validation.CheckResult;
import io.aide.validation.Checks;
import io.aide.validation.PlannedCheck;
import io.aide.validation.compare.ResultTable;
import io.aide.validation.compare.TargetComparison;
import io.aide.validator.service.SparkChecks;
import io.aide.validator.service.SparkRunner;
import io.aide.validator.service.SparkTestConfig;
import io.aide.validator.spark.SparkCheckResult;
import io.aide.validator.spark.SparkRunnerClient;
import io.aide.validator.spark.SparkRunnerProcess;
import io.aide.validator.spark.SparkRunnerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark checks of real layers (the jaffle-shop evaluation case, compiled for Spark SQL) run by the Spark runner as
 * the driver of an application on the test environment's Spark standalone cluster (a master and a worker started by
 * {@code ./aide infra up --env test}): the executors that compute the rows are JVMs the worker launched, the path a
 * user with a cluster takes.
 */
class SparkClusterIT {
    private static final String CASE = "jaffle-shop";
    private static EvalCase jaffle;
    private static Map<String, Path> tables;
    private static SparkRunner runner;
    private static SparkChecks checks;

    @BeforeAll
    static void startRunnerOnTheCluster() throws Exception {
        AideTestEnvironment.ensureRunning();
        jaffle = EvalCase.load(CASE);
        tables = new LinkedHashMap<>();
        jaffle.sources().forEach(s -> tables.put(s.qualified(), s.csv()));
        SparkRunnerSettings settings = SparkRunnerSettings.fromEnvironment(Map.of())
                .withMaster(Infra.sparkMaster())
                .withSparkConf(Infra.sparkConf())
                .withRequestTimeout(Duration.ofSeconds(120));
        runner = new SparkRunner(SparkTestConfig.sparkOn(), settings);
        checks = new SparkChecks(runner);
    }

    @AfterAll
    static void stopRunner() {
        if (runner != null) {
            runner.stop();
        }
    }

    private static CheckResult sparkSqlCheck(GeneratedLayers.Layer layer) {
        PlannedCheck planned = checks.plan(layer, List.of("spark")).get(0);
        return checks.run(planned, layer, tables);
    }

    private static GeneratedLayers.Layer withSparkSql(GeneratedLayers.Layer layer, String sql) {
        Map<String, String> dialects = new LinkedHashMap<>(layer.sql());
        dialects.put("spark", sql);
        return new GeneratedLayers.Layer(layer.target(), dialects, layer.pyspark(), layer.blocks(), layer.columns(),
                layer.sourceTables(), layer.keyColumns());
    }

    /** The layer's Spark SQL as a subquery: without its closing semicolon (and on its own lines, after its comments). */
    private static String query(GeneratedLayers.Layer layer) {
        return layer.sql().get("spark").strip().replaceAll(";+$", "");
    }

    @Test
    void shouldPassTheSparkSqlCheckOfEveryLayerWithTheRowsDuckdbGives() throws Exception {
        // Given
        Map<String, Long> duckdbRows = new LinkedHashMap<>();
        try (Connection db = EvalCase.duckdb(jaffle)) {
            for (String target : jaffle.expected().keySet()) {
                duckdbRows.put(target, (long) EvalCase.query(db, jaffle.compiled().layer(target).sql().get("duckdb"))
                        .rows().size());
            }
        }

        // When
        Map<String, CheckResult> results = new LinkedHashMap<>();
        for (String target : jaffle.expected().keySet()) {
            results.put(target, sparkSqlCheck(jaffle.compiled().layer(target)));
        }

        // Then
        assertThat(results).hasSize(3);
        results.forEach((target, result) -> {
            assertThat(result.status()).as(target + ": " + result.message()).isEqualTo(CheckResult.PASS);
            assertThat(result.check()).isEqualTo(Checks.SPARK_SQL);
            assertThat(result.checkedCount()).as(target).isEqualTo(duckdbRows.get(target)).isPositive();
        });
    }

    @Test
    void shouldScoreTheLayersOnTheClusterAsOnDuckdb() throws Exception {
        // Given
        Map<String, TargetComparison> duckdb;
        try (Connection db = EvalCase.duckdb(jaffle)) {
            duckdb = jaffle.compare("duckdb", sql -> EvalCase.query(db, sql));
        }
        SparkRunnerClient client = runner.client();

        // When
        Map<String, TargetComparison> cluster = jaffle.compare("spark", sql -> {
            SparkCheckResult result = client.runSqlOnText(sql, tables, 1000);
            if (!result.passed()) {
                throw new IllegalStateException("Spark " + result.status() + " at " + result.stage() + ": " + result.message());
            }
            List<List<String>> rows = new ArrayList<>();
            for (List<Object> row : result.sampleRows()) {
                rows.add(row.stream().map(v -> v == null ? null : v.toString()).toList());
            }
            return new ResultTable(result.columns().stream().map(SparkCheckResult.Column::name).toList(), rows);
        });

        // Then
        PostgresDialectIT.assertSameScores(CASE, duckdb, cluster);
    }

    @Test
    void shouldFailALayerWhoseExpressionBreaksOnTheExecutorsWithSparksReason() {
        // Given a layer whose first column is cast to a number it cannot be (ANSI mode raises on the executor)
        GeneratedLayers.Layer layer = jaffle.compiled().layer("customers");
        String column = layer.columns().get(0).name();
        String broken = "SELECT CAST(concat('not a number ', CAST(l.`" + column + "` AS STRING)) AS INT) AS broken FROM (\n"
                + query(layer) + "\n) l";

        // When
        CheckResult result = sparkSqlCheck(withSparkSql(layer, broken));

        // Then
        assertThat(result.status()).as(result.message()).isEqualTo(CheckResult.FAIL);
        assertThat(result.code()).as(result.message()).isEqualTo("spark:execute");
        assertThat(result.message()).contains("CAST_INVALID_INPUT").contains("not a number");
    }

    @Test
    void shouldFailALayerThatCallsAnUnknownFunctionAtTheAnalyzeStage() {
        // Given
        GeneratedLayers.Layer layer = jaffle.compiled().layer("orders");
        String column = layer.columns().get(0).name();
        String broken = "SELECT l.*, no_such_function(l.`" + column + "`) AS broken FROM (\n" + query(layer) + "\n) l";

        // When
        CheckResult result = sparkSqlCheck(withSparkSql(layer, broken));

        // Then
        assertThat(result.status()).as(result.message()).isEqualTo(CheckResult.FAIL);
        assertThat(result.code()).as(result.message()).isEqualTo("spark:analyze");
        assertThat(result.message()).contains("no_such_function");
    }

    @Test
    void shouldRunAsAnApplicationOfTheStandaloneMasterWithExecutorsOnItsWorker() throws Exception {
        // Given a check has run, so the runner is up
        assertThat(sparkSqlCheck(jaffle.compiled().layer("stg_payments")).status()).isEqualTo(CheckResult.PASS);

        // When
        Map<String, Object> health = runner.client().health();
        JsonNode master = new ObjectMapper().readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Infra.sparkMasterWebUrl() + "/json/")).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString()).body());

        // Then
        assertThat(health.get("master")).isEqualTo(Infra.sparkMaster());
        assertThat(master.path("aliveworkers").asInt(-1)).isPositive();
        List<String> running = new ArrayList<>();
        master.path("activeapps").forEach(app -> {
            if ("aide-spark-runner".equals(app.path("name").asText()) && app.path("cores").asInt(0) >= 1) {
                running.add(app.path("state").asText());
            }
        });
        assertThat(running).as("applications of the master: " + master.path("activeapps")).contains("RUNNING");
    }

    @Test
    void shouldReportTheRunnerUnavailableWhenTheMasterDoesNotAnswer() {
        // Given a master URL where nothing listens
        SparkRunnerSettings settings = SparkRunnerSettings.fromEnvironment(Map.of())
                .withMaster("spark://127.0.0.1:1").withRequestTimeout(Duration.ofSeconds(30));

        // When
        SparkCheckResult result;
        try (SparkRunnerClient client = new SparkRunnerClient(new SparkRunnerProcess(settings))) {
            result = client.validateSql("SELECT 1 AS one", Map.of());
        }

        // Then
        assertThat(result.status()).isEqualTo(SparkCheckResult.UNAVAILABLE);
        assertThat(result.stage()).isEqualTo(SparkCheckResult.STAGE_RUNNER);
        assertThat(result.message()).contains("spark://127.0.0.1:1").contains("not reachable");
    }
}
