package io.aide.aihub.viz;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A typed query result as the validator's query endpoint answers it: columns with their SQL types (DuckDB names such
 * as {@code VARCHAR}, {@code BIGINT}, {@code DECIMAL(18,2)}, {@code DATE}, {@code TIMESTAMP}) and rows of JSON values.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryResult(List<Column> columns, List<List<Object>> rows, Boolean truncated, Long elapsedMs) {
    public record Column(String name, String type) {
    }

    public QueryResult {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : rows;
    }

    public int rowCount() {
        return rows.size();
    }
}
