package io.aide.validation.compare;

import java.util.ArrayList;
import java.util.List;

/** Rows as text, the common form of query results and expected CSV files (null = SQL NULL). */
public record ResultTable(List<String> columns, List<List<String>> rows) {
    public ResultTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column.trim())) {
                return i;
            }
        }
        return -1;
    }

    public String value(int row, int column) {
        List<String> r = rows.get(row);
        return column < r.size() ? r.get(column) : null;
    }
}
