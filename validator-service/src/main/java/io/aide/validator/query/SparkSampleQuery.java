package io.aide.validator.query;

import io.aide.validation.DuckDbSandbox;
import io.aide.validation.SampleTable;
import io.aide.validation.SandboxLimits;
import io.aide.validation.TypedRows;
import io.aide.validator.config.ValidatorConfig;
import io.aide.validator.service.SparkRunner;
import io.aide.validator.service.ValidatorException;
import io.aide.validator.spark.SparkCheckResult;
import io.aide.validator.spark.SparkRunnerProcess;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query on a sample run by Spark ({@code engine: spark}) through the validator's Spark runner, on its master (local,
 * or a cluster): the sample's tables are written as Parquet with their DuckDB types, so Spark reads the same typed
 * rows the DuckDB engine queries, and the answer has the DuckDB engine's shape (DuckDB type names, JSON values).
 */
@ApplicationScoped
public class SparkSampleQuery {
    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),(\\d+)\\)");
    /** Spark's simple type names -> the DuckDB names the DuckDB engine answers with. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("boolean", "BOOLEAN"), Map.entry("tinyint", "TINYINT"), Map.entry("smallint", "SMALLINT"),
            Map.entry("int", "INTEGER"), Map.entry("bigint", "BIGINT"), Map.entry("float", "FLOAT"),
            Map.entry("double", "DOUBLE"), Map.entry("string", "VARCHAR"), Map.entry("binary", "BLOB"),
            Map.entry("date", "DATE"), Map.entry("timestamp", "TIMESTAMP WITH TIME ZONE"),
            Map.entry("timestamp_ntz", "TIMESTAMP"), Map.entry("void", "NULL"));

    private final SparkRunner spark;
    private final ValidatorConfig config;

    public SparkSampleQuery(SparkRunner spark, ValidatorConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** Refuses at once when this validator runs no Spark, before any sample is read. */
    public void checkAvailable() {
        if (!spark.enabled()) {
            throw ValidatorException.unavailable("spark_unavailable", "Spark is turned off on this validator "
                    + "(AIDE_VALIDATOR_SPARK_ENABLED=false); run the query with engine 'duckdb'.", null);
        }
    }

    /** Runs {@code sql} on the tables (staged as Parquet under {@code work}), keeping at most {@code limit} rows. */
    public TypedRows run(String sql, List<SampleTable> tables, Path work, int limit) {
        awaitRunner();
        Map<String, Path> files = stage(tables, work);
        SparkCheckResult result = spark.client().runQuery(sql, files, limit, config.sparkQueryTimeout());
        if (!result.passed()) {
            throw refusal(result);
        }
        List<TypedRows.Column> columns = new ArrayList<>();
        result.columns().forEach(c -> columns.add(new TypedRows.Column(c.name(), duckdbType(c.type()))));
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : result.sampleRows()) {
            List<Object> typed = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                typed.add(value(row.get(i), i < columns.size() ? columns.get(i).type() : "VARCHAR"));
            }
            rows.add(java.util.Collections.unmodifiableList(typed));
        }
        boolean truncated = result.rowCount() != null && result.rowCount() > rows.size();
        return new TypedRows(columns, rows, truncated);
    }

    /**
     * A query waits at most {@code spark-query-start-wait} for a runner that is starting (its cold start, a minute or
     * more on a small machine, is longer than a caller's timeout); then it answers 503 {@code unavailable:spark_starting}
     * while the runner goes on starting, so the caller hears why and retries.
     */
    private void awaitRunner() {
        SparkRunnerProcess runner = spark.client().runner();
        try {
            if (!runner.awaitStarted(config.sparkQueryStartWait())) {
                throw ValidatorException.unavailable("spark_starting", "The Spark runner is starting (for "
                        + runner.age().toSeconds() + " s; its first start takes about a minute on a small machine, "
                        + "more under load). The query did not run: retry in a moment, or run it with engine 'duckdb'.",
                        null);
            }
        } catch (SparkRunnerProcess.RunnerUnavailableException e) {
            throw ValidatorException.unavailable("spark_unavailable", "Spark cannot run the query now: "
                    + e.getMessage() + " Retry in a moment, or run the query with engine 'duckdb'.", null);
        }
    }

    /** Every table through one DuckDB sandbox (the one that loads it for the DuckDB engine) into a Parquet file. */
    private Map<String, Path> stage(List<SampleTable> tables, Path work) {
        Map<String, Path> files = new LinkedHashMap<>();
        SandboxLimits limits = new SandboxLimits(config.memoryLimit(), config.threads(), config.queryTimeout(), 5);
        try (DuckDbSandbox sandbox = DuckDbSandbox.open(limits)) {
            int n = 0;
            for (SampleTable table : tables) {
                sandbox.load(table);
                Path file = work.resolve("spark_" + (n++) + "_" + table.name().replaceAll("[^A-Za-z0-9_]", "_") + ".parquet");
                sandbox.writeParquet(table.name(), file);
                files.put(table.name(), file);
            }
        }
        return files;
    }

    private static ValidatorException refusal(SparkCheckResult result) {
        String message = result.message() == null ? result.status() : result.message();
        if (SparkCheckResult.UNAVAILABLE.equals(result.status()) || SparkCheckResult.STAGE_RUNNER.equals(result.stage())) {
            return ValidatorException.unavailable("spark_unavailable", "Spark cannot run the query now: " + message
                    + " Retry in a moment, or run the query with engine 'duckdb'.", null);
        }
        String stage = result.stage() == null ? "execute" : result.stage();
        if ("parse".equals(stage) && message.startsWith("Only a query")) {
            return new ValidatorException(422, "query:not_select", "Not a read-only query", "Only one SELECT (or WITH "
                    + "... SELECT) query runs on a sample; Spark reads this SQL as another kind of statement.", null);
        }
        if ("load".equals(stage)) {
            return new ValidatorException(422, "sample:load", "Sample not usable", "Spark could not read the sample: "
                    + message, null);
        }
        String title = switch (stage) {
            case "parse" -> "SQL does not parse";
            case "analyze" -> "Query does not match the sample";
            default -> "Query failed on the sample";
        };
        return new ValidatorException(422, "spark:" + stage, title, "Spark refused the query at its " + stage
                + " stage: " + message, null);
    }

    static String duckdbType(String sparkType) {
        String lower = sparkType == null ? "" : sparkType.toLowerCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(lower);
        if (decimal.matches()) {
            return "DECIMAL(" + decimal.group(1) + "," + decimal.group(2) + ")";
        }
        // arrays, maps and structs keep Spark's own spelling
        return TYPES.getOrDefault(lower, sparkType == null ? "VARCHAR" : sparkType.toUpperCase(Locale.ROOT));
    }

    /** The runner writes decimals as text (no precision lost in JSON); the DuckDB engine answers them as numbers. */
    static Object value(Object value, String duckdbType) {
        if (value instanceof String text && duckdbType.startsWith("DECIMAL")) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return value;
    }
}
