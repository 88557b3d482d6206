package io.aide.validation;

import java.util.List;

/**
 * Rows of one query with each column's DuckDB type, in column order, for callers that show or reason about a result
 * (a query run on a sample, NL-to-SQL, charts) rather than check it.
 *
 * @param truncated more rows existed than the limit kept
 */
public record TypedRows(List<Column> columns, List<List<Object>> rows, boolean truncated) {
    public TypedRows {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A result column: its label and its DuckDB type name ({@code INTEGER}, {@code DECIMAL(18,2)}, {@code VARCHAR}...). */
    public record Column(String name, String type) {
    }
}
