package io.aide.validator.spark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validates Spark SQL and PySpark on sample tables through the warm Spark runner JVM
 * ({@link SparkRunnerProcess}). Never throws for a failed check: every outcome is a
 * {@link SparkCheckResult}, including a crashed or missing runner.
 */
public final class SparkRunnerClient implements AutoCloseable {

    /** Extra time over the runner's own timeout before the runner counts as hung. */
    private static final Duration HANG_GRACE = Duration.ofSeconds(30);

    private final SparkRunnerProcess runner;
    private final ObjectMapper json;
    private final HttpClient http;

    public SparkRunnerClient(SparkRunnerProcess runner) {
        this(runner, new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
    }

    public SparkRunnerClient(SparkRunnerProcess runner, ObjectMapper json) {
        this.runner = runner;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public SparkRunnerProcess runner() {
        return runner;
    }

    /**
     * Parses, analyzes and runs one Spark SQL query.
     *
     * @param tables table name as the SQL names it (name or schema.name) -> CSV (with header) or Parquet file
     */
    public SparkCheckResult validateSql(String sql, Map<String, Path> tables) {
        return check("/v1/sql", "sql", sql, tables, Map.of());
    }

    /**
     * Runs one Spark SQL query on CSV files read as text (every column a string, as `aide eval` loads sources)
     * and returns up to {@code rows} of its rows (the runner caps them).
     */
    public SparkCheckResult runSqlOnText(String sql, Map<String, Path> tables, int rows) {
        return check("/v1/sql", "sql", sql, tables, Map.of("textColumns", true, "sampleRows", rows));
    }

    /**
     * Runs one read-only query (the runner refuses anything but a query) on the given tables and returns up to
     * {@code rows} of its rows and its full row count, cancelled after {@code timeout}.
     */
    public SparkCheckResult runQuery(String sql, Map<String, Path> tables, int rows, Duration timeout) {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        return check("/v1/sql", "sql", sql, tables, Map.of("sampleRows", rows, "timeoutSeconds", seconds));
    }

    /**
     * Runs a PySpark function body that gets {@code spark} and {@code tables} (name -> DataFrame)
     * and returns a DataFrame; status is unavailable where no Python has pyspark.
     */
    public SparkCheckResult validatePyspark(String code, Map<String, Path> tables) {
        return check("/v1/pyspark", "pyspark", code, tables, Map.of());
    }

    private SparkCheckResult check(String path, String field, String code, Map<String, Path> tables, Map<String, Object> options) {
        Map<String, Object> body = new LinkedHashMap<>(options);
        body.put(field, code);
        Map<String, String> files = new LinkedHashMap<>();
        tables.forEach((name, file) -> files.put(name, file.toAbsolutePath().toString()));
        body.put("tables", files);
        body.putIfAbsent("timeoutSeconds", runner.settings().requestTimeout().toSeconds());
        SparkRunnerProcess.Endpoint endpoint;
        try {
            endpoint = runner.endpoint();
        } catch (SparkRunnerProcess.RunnerUnavailableException e) {
            return SparkCheckResult.runnerProblem(SparkCheckResult.UNAVAILABLE, e.getMessage());
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint.baseUri().resolve(path))
                    .timeout(runner.settings().requestTimeout().plus(HANG_GRACE))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return json.readValue(response.body(), SparkCheckResult.class);
        } catch (HttpTimeoutException e) {
            return crashed(endpoint, true);
        } catch (IOException e) {
            return crashed(endpoint, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SparkCheckResult.runnerProblem(SparkCheckResult.ERROR, "Interrupted while waiting for Spark.");
        }
    }

    private SparkCheckResult crashed(SparkRunnerProcess.Endpoint endpoint, boolean stoppedAnswering) {
        return runner.reportFailure(endpoint, stoppedAnswering)
                .map(crash -> SparkCheckResult.runnerProblem(SparkCheckResult.ERROR, crash.describe()))
                .orElseGet(() -> SparkCheckResult.runnerProblem(SparkCheckResult.ERROR,
                        "The Spark runner was replaced while this check ran; run the check again."));
    }

    /** The runner's own health: Spark version, master and whether PySpark is available. */
    public Map<String, Object> health() {
        try {
            SparkRunnerProcess.Endpoint endpoint = runner.endpoint();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.baseUri().resolve("/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            @SuppressWarnings("unchecked")
            Map<String, Object> status = json.readValue(response.body(), Map.class);
            return status;
        } catch (SparkRunnerProcess.RunnerUnavailableException | IOException e) {
            return Map.of("status", "DOWN", "message", String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of("status", "DOWN", "message", "interrupted");
        }
    }

    @Override
    public void close() {
        runner.close();
    }
}
