package io.aide.validator.query;

import io.aide.validation.TypedRows;

import java.util.List;

/**
 * A query's result: typed columns, rows as arrays in column order, whether rows were cut at the limit, and the sample
 * it ran on ({@code files}: the data source's uploaded files; {@code database}: rows read from the registered database;
 * {@code schema}: rows made up from the database's schema snapshot, whose values mean nothing).
 */
public record QueryResponse(List<TypedRows.Column> columns, List<List<Object>> rows, boolean truncated, long elapsedMs,
                            Sample sample) {
    /** What the query ran on. */
    public record Sample(String kind, String dataSourceId, List<String> tables) {
    }
}
