package io.aide.validator.query;

/**
 * One read-only query to run on a sample: either a data source's sample ({@code dataSourceId}) or the sample a
 * generation was validated on ({@code generationId}), never both.
 *
 * @param limit  rows to return at most; null for the configured default
 * @param engine {@code duckdb} (default: the DuckDB sandbox) or {@code spark} (the validator's Spark runner, on its
 *               master: local or a cluster) or {@code postgres} (the platform PostgreSQL's sandbox database)
 */
public record QueryRequest(String dataSourceId, String generationId, String sql, Integer limit, String engine) {

    public static final String DUCKDB = "duckdb";
    public static final String SPARK = "spark";
    public static final String POSTGRES = "postgres";

    public QueryRequest(String dataSourceId, String generationId, String sql, Integer limit) {
        this(dataSourceId, generationId, sql, limit, null);
    }
}
