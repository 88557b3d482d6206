package io.aide.validator.service;

import io.aide.events.spec.GeneratedLayers;
import io.aide.validation.CheckResult;
import io.aide.validation.Checks;
import io.aide.validation.PlannedCheck;
import io.aide.validator.spark.SparkCheckResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Spark SQL and PySpark checks, run by the validator's warm Spark runner ({@link SparkRunner}). */
@ApplicationScoped
public class SparkChecks {
    private final SparkRunner runner;

    public SparkChecks(SparkRunner runner) {
        this.runner = runner;
    }

    /** spark_sql when the request asks for spark and the layer has Spark SQL; pyspark likewise. */
    public List<PlannedCheck> plan(GeneratedLayers.Layer layer, List<String> dialects) {
        List<PlannedCheck> plan = new ArrayList<>();
        List<String> lower = dialects.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        if (lower.contains("spark")) {
            plan.add(new PlannedCheck(Checks.SPARK_SQL, layer.target(), null, "spark", List.of()));
        }
        if (lower.contains("pyspark")) {
            plan.add(new PlannedCheck(Checks.PYSPARK, layer.target(), null, "pyspark", List.of()));
        }
        return plan;
    }

    public CheckResult run(PlannedCheck planned, GeneratedLayers.Layer layer, Map<String, Path> tables) {
        long t0 = System.nanoTime();
        boolean sql = Checks.SPARK_SQL.equals(planned.check());
        String code = sql ? layer.sql().get("spark") : layer.pyspark();
        if (code == null || code.isBlank()) {
            return CheckResult.of(planned, CheckResult.SKIPPED, "no " + (sql ? "Spark SQL" : "PySpark") + " was generated for "
                    + layer.target()).withCode("skipped:no_code");
        }
        if (!runner.enabled()) {
            return CheckResult.of(planned, CheckResult.SKIPPED, "Spark checks are turned off on this validator "
                    + "(AIDE_VALIDATOR_SPARK_ENABLED=false)").withCode("skipped:spark_disabled");
        }
        SparkCheckResult r = sql ? runner.client().validateSql(code, tables) : runner.client().validatePyspark(code, tables);
        String status = switch (r.status()) {
            case SparkCheckResult.PASS -> CheckResult.PASS;
            case SparkCheckResult.FAIL -> CheckResult.FAIL;
            case SparkCheckResult.UNAVAILABLE -> CheckResult.SKIPPED;
            default -> CheckResult.ERROR;
        };
        String message = layer.target() + " (" + (sql ? "Spark SQL" : "PySpark") + ", " + r.stage() + "): "
                + (r.message() == null ? r.status() : r.message())
                + (r.rowCount() == null ? "" : "; " + r.rowCount() + " rows on the sample");
        long checked = r.rowCount() == null ? 0 : r.rowCount();
        return CheckResult.of(planned, status, message).withCode("spark:" + r.stage())
                .withCounts(status.equals(CheckResult.PASS) ? 0 : 1, checked, List.of())
                .withDuration((System.nanoTime() - t0) / 1_000_000);
    }

    /** Runner health for readiness details; never starts the runner. */
    public boolean started() {
        return runner.started();
    }
}
