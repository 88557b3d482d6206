package io.aide.validator.query;

/**
 * One read-only query to run on a sample: either a data source's sample ({@code dataSourceId}) or the sample a
 * generation was validated on ({@code generationId}), never both.
 *
 * @param limit rows to return at most; null for the configured default
 */
public record QueryRequest(String dataSourceId, String generationId, String sql, Integer limit) {
}
