package io.aide.aihub.viz;

/**
 * A visualization run: a question about a data source and, optionally, the SQL to run (a saved query or the
 * user's own). {@code engine} is {@code duckdb} (default: run_sql on the sample) or {@code spark} (submit_spark).
 */
public record VizRequest(String question, String sql, String dataSourceId, String engine) {
    public String engineOrDefault() {
        return engine == null || engine.isBlank() ? "duckdb" : engine.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean hasSql() {
        return sql != null && !sql.isBlank();
    }
}
