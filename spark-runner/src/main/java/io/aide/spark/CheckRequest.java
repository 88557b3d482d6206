package io.aide.spark;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/**
 * One validation request: either {@code sql} (Spark SQL, a single query) or {@code pyspark}
 * (a function body that receives {@code spark} and {@code tables} and returns a DataFrame).
 *
 * @param tables         table name as the code names it -> CSV (with header) or Parquet path
 * @param sampleRows     result rows to return, capped by the runner
 * @param timeoutSeconds after this the job group is cancelled and the check fails
 * @param textColumns    CSV columns are read as text (as `aide eval` loads sources) instead of inferring types
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckRequest(String sql, String pyspark, Map<String, String> tables, Integer sampleRows,
                           Integer timeoutSeconds, Boolean textColumns) {
    public CheckRequest {
        tables = tables == null ? Map.of() : Map.copyOf(tables);
    }

    public CheckRequest(String sql, String pyspark, Map<String, String> tables, Integer sampleRows, Integer timeoutSeconds) {
        this(sql, pyspark, tables, sampleRows, timeoutSeconds, null);
    }

    public boolean readsText() {
        return Boolean.TRUE.equals(textColumns);
    }
}
