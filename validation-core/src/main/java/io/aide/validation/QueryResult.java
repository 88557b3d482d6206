package io.aide.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of one query, as column name -> value maps in column order. */
public record QueryResult(List<String> columns, List<Map<String, Object>> rows) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public Object single() {
        if (rows.isEmpty() || columns.isEmpty()) {
            return null;
        }
        return rows.get(0).get(columns.get(0));
    }

    public long singleLong() {
        Object value = single();
        return value == null ? 0L : ((Number) value).longValue();
    }

    static Map<String, Object> row(List<String> columns, Object[] values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values[i]);
        }
        return row;
    }
}
